// piexifjs ships no types: the few functions the photo tests use.
declare module 'piexifjs' {
  type IfdData = Record<number, unknown>;
  interface ExifObject { '0th'?: IfdData; Exif?: IfdData; GPS?: IfdData; Interop?: IfdData; '1st'?: IfdData; thumbnail?: string | null }
  const piexif: {
    dump(exif: ExifObject): string;
    insert(exifBytes: string, jpegBinary: string): string;
    load(jpegBinary: string): ExifObject;
    ExifIFD: { DateTimeOriginal: number; OffsetTimeOriginal: number; [tag: string]: number };
    GPSIFD: { GPSLatitudeRef: number; GPSLatitude: number; GPSLongitudeRef: number; GPSLongitude: number; [tag: string]: number };
    ImageIFD: { [tag: string]: number };
  };
  export default piexif;
}
