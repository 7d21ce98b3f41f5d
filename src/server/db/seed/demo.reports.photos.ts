// Site photos of the demo reports: three small baseline JPEGs (160×120, drawn once as stand-ins for a
// building going up, a factory roof and road works), each written with the EXIF a phone camera
// would add — when it was taken and where (near the project's site) — so the reporting pages read
// them back like any uploaded photo.
import { createRequire } from 'node:module';

/** piexifjs has no types; only the part used here. */
interface Piexif {
  dump(exif: Record<string, Record<number, unknown>>): string;
  insert(exif: string, jpeg: string): string;
  ImageIFD: { Make: number; Model: number };
  ExifIFD: { DateTimeOriginal: number };
  GPSIFD: { GPSLatitudeRef: number; GPSLatitude: number; GPSLongitudeRef: number; GPSLongitude: number };
  GPSHelper: { degToDmsRational(deg: number): number[][] };
}
const piexif = createRequire(import.meta.url)('piexifjs') as Piexif;

const SCENES = [
  // a building going up, crane beside it
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxl' +
    'Z2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAB4AKADASIAAhEB' +
    'AxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS' +
    '0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKz' +
    'tLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgEC' +
    'BAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpj' +
    'ZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6' +
    '/9oADAMBAAIRAxEAPwDZxRin4oxXWcozFGKfijFADMUYp+KMUAMxRin4oxQAzFGKfijFADMUYp+KMUAMxRin4oxQAzFGKfijFADMUYp+KMUAMxRin4ox' +
    'QA7FGKfijFIYzFGKfijFADMUYp+KMUAMxRin4oxQAzFGKfijFADMUYp+KMUARtuGNq7vxxTcyf8APP8A8eqbFGKylCTd1Jr7v8i1JJbfn/mQ5k/55/8A' +
    'j1NLSB1GzGc8Z61YxUbj99F+NYVYTjG/O9127ryLg4t/Cuvft6jcyf8APP8A8eqMzOLhIvK5ZWbO70IH9atYqu4/4mUH/XGT+aVr7OX87/D/ACJ5l/Kv' +
    'x/zHAvkZjwPrT8U/FGK0hFx3bf3fokS2nsrD8UYp2KMUwG4oxTsVHcD9w34fzpNgkOxRiqFFTzl8hfxRiqFFHOHIX8UYqhRRzhyF/FGKoUUc4chfxRiq' +
    '1p/rT9Kt4qk7ktWG4qKQfv4vx/lU+KikH+kQ/wDAv5VlX+FesfzRVPf5P8h+KrOP+JlB/wBcZP5pVvFJsUsGKjcAQDjkA/8A6hWxAmKMU7FGKAH4oxT8' +
    'UYqbjGYqK6H+jt+H86sYqG7H+jP+H86T2Gtzn9T/AOWX4/0pmnf69v8Ad/qK0GRHxvVWx6jNIsaIcqiqfUDFZmpFe/8AHo/4fzrOg/18f+8P51sMoYYY' +
    'Aj0NMEMQIIjQEd9ooAkrCrdqPyIv+eSf98igAg/1Ef8Auj+VSUgAAAAwB2paAJ7L/Wn/AHau4qnY/wCuP+7/AIVfxVx2M5bjMVDKP9Jg/wCBfyqzioJR' +
    '/pUH/Av5VnX+Feq/NDhv8n+RJijFPxRitrkDMUYp+KMUXAfijFOxRipuUNxUF4P9Ff8AD+dWcVBej/RH/D+dDBHN6n/yy/H+lM07/Xt/u/1FaDIj43qr' +
    'Y9RmkWNEOVRVPqBioNCK9/49H/D+dZ0H+vj/AN4fzrYZQwwwBHoaYIYgQRGgI77RQBJWFW7UfkRf88k/75FABB/qI/8AdH8qkpAAAABgDtS0AWdP5nb/' +
    'AHf6itHFZ+nf8fDf7v8AUVpYqkQ9xuKrzD/S7f8A4F/KrWKrzD/TLb/gX8qyr/CvVfmiob/f+RNijFOxRitrkDcUYp2KMUXA4zdRuqPdRurgO0k3U6OU' +
    'xuGGMj1qHdRuoAufbZP7q/lR9tk/ur+VU91G6q55dyeVFz7bJ/dX8qPtsn91fyqnuo3Uc8u4cqLn22T+6v5UfbZP7q/lVPdRuo55dw5UXPtsn91fyo+2' +
    'yf3V/Kqe6jdRzy7hyosy3LSrtYKBnPFRbqj3UbqTbe41oSbqcJCFZezVDuo3VLSe47km6jdUe6jdTAk3Ubqj3UbqAI80ZqPdRupiJM0ZqPdRuoAkzRmo' +
    '91G6gCTNGaj3UbqAJM0ZqPdRuoAkzRmo91G6gCTNGaj3UbqAJM0ZqPdRuoAkzRmo91G6gCTNGaj3UbqAI80ZoopiDNGaKKADNGaKKADNGaKKADNGaKKA' +
    'DNGaKKADNGaKKADNGaKKADNGaKKADNGaKKAP/9k=',
  // a factory hall with its roof on
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxl' +
    'Z2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAB4AKADASIAAhEB' +
    'AxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS' +
    '0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKz' +
    'tLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgEC' +
    'BAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpj' +
    'ZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6' +
    '/9oADAMBAAIRAxEAPwDocUYp+KMV0GAzFGKfijFADMUYp+KMUAMxRin4oxQAzFGKfijFADMUYp+KMUAMxRin4oxQAzFGKfijFADMUYp+KMUAMxRin4ox' +
    'QA7FGKfijFSMZijFPxRigBmKMUrskalnYKo6ljgVRm1izibAZpDkg7B0/Omk2BdxRisGfXJ3GIUWIY6/eP8Ah+lUJrmefPmyu4znBPGfpVqDJ5kdDPqd' +
    'pCP9aHOM4Tn9elUZ9cOcQQjGer/4D/GseirUETzM1oNckXAnjDjgbl4Puff9KvwaraTHG8xnPRxj9elc1RQ4IOZnYrhlDKQQRkEd6XFchHNLFnypHTPX' +
    'axGa0INbuYz+9CyjPPGD+n+FQ4PoVzG/ijFZ8Ot2r4Em+M4ycjIz6cVoRyRyruidXGcZU5qGmtytwxRin4oxSAZijFPxRigB2KRvlUsQcAZ4GakxRikM' +
    'zLrVVgyFtp2P8JZCoP58/pWXcarfTZCL5SnP3V5x9f8ADFaetf8ALH/gX9KzKfOl0Hy36lGTz5W3S+Y5xjLZNM8t/wC435Vo0U/avsL2aM7y3/uN+VHl' +
    'v/cb8q0aKPbPsHs0Z3lv/cb8qPLf+435Vo0Ue2fYPZozvLf+435UeW/9xvyrRoo9s+wezRneW/8Acb8qPLf+435Vo0Ue2fYPZozvLf8AuN+VOQTRuGQS' +
    'Kw6Fcg1foo9s+wezQ2DU7+EY5kGOkik/r1rUttXEx2tazq2f4F3AD19f0rNq9o//AB9N/uH+Ypc9+g+W3U1EYSIGAYA/3lIP5GnYp+KMUhDsUYp+KMUi' +
    'jH1z/lh/wL+lc9qH/LP8f6V0eu/8sP8AgX9KwbqBptu0gYz1qWNFew/1x/3f6in6h/yz/H+lPtrd4ZCzFSCMcU66gabbtIGM9aQyvYf64/7v9RT9Q/5Z' +
    '/j/Sn21u8MhZipBGOKddQNNt2kDGetAFew/1x/3f6in6h/yz/H+lPtrd4ZCzFSCMcU66gabbtIGM9aAK9h/rj/u/1FP1D/ln+P8ASn21u8MhZipBGOKd' +
    'dQNNt2kDGetAFew/1x/3f6in6h/yz/H+lPtrd4ZCzFSCMcU66gabbtIGM9aAK9h/rj/u/wBRT9Q/5Z/j/Sn21u8MhZipBGOKddQNNt2kDGetAFew/wBc' +
    'f93+orf0b/j7f/cP8xWNbW7wyFmKkEY4ra0T/j8f/rmf5imgZs4oxT8UYqiSt/adl/z2/wDHT/hR/adl/wA9v/HT/hXNZozXN7WRt7NGnq91Dc+T5L7t' +
    'uc8EenrWdTc0bqpVFbUTg+g6im7qN1P2kQ5GOopu6jdR7SIcjHUU3dRuo9pEORjqKbuo3Ue0iHIx1FN3UbqPaRDkY6im7qN1HtIhyMdV3Sp4re5Z5m2q' +
    'UIzgnnIqhuozSdRdA5H1Ol/tOy/57f8Ajp/wo/tOy/57f+On/CuazRmp9rIfs0MzRmo80ZrM0JM0ZqPNGaAJM0ZqPNGaAJM0ZqPNGaAJM0ZqPNGaAJM0' +
    'ZqPNGaAJM0ZqPNGaAJM0ZqPNGaAJM0ZqPNGaAJM0ZqPNGaAGZozTM0ZoAfmjNMzRmgB+aM0zNGaAH5ozTM0ZoAfmjNMzRmgB+aM0zNGaAH5ozTM0ZoAf' +
    'mjNMzRmgB+aM0zNGaAH5ozTM0ZoAZmjNFFAgzRmiigAzRmiigAzRmiigAzRmiigAzRmiigAzRmiigAzRmiigAzRmiigAzRmiigD/2Q==',
  // road works
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxl' +
    'Z2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAB4AKADASIAAhEB' +
    'AxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS' +
    '0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKz' +
    'tLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgEC' +
    'BAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpj' +
    'ZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6' +
    '/9oADAMBAAIRAxEAPwDdxRin4oxXSc4zFGKfijFADMUYp+KMUAMxRin4oxQAzFGKfijFADMUYp+KMUAMxRin4oxQAzFGKfijFADMUYp+KMUAMxRin4ox' +
    'QA/FGKfijFSMZijFPxRigBmKMU/FGKAGYoxT8UYoAZijFPxRigBmKMU/FGKAGYoxT8UYoAZijFPxRigBmKMU/FGKAGYoxT8UYoAfijFPxRipKGYoxT8U' +
    'YoAZijFPxRigBmKMU/FGKAGYoxT8UYoAZijFPxRigBmKMU/FGKAGYoxT8UYoAZijFPxRigBmKMU/FGKAJMUYp+KMUihmKMU/FGKAGYoxT8UYoAZijFPx' +
    'RigBmKMU/FGKAGYoxT8UYoAZijFPxRigBmKMU/FGKAGYoxT8UYoAZijFPxRigDj/ALddf8/M3/fw0fbrr/n5m/7+GquaM1x3ZRa+3XX/AD8zf9/DR9uu' +
    'v+fmb/v4aq5ozRdgWvt11/z8zf8Afw0fbrr/AJ+Zv+/hqrmjNF2Ba+3XX/PzN/38NBvroDJupgB/00NVS2BknAqjc3BlO1eE/nVRTYFq61e7J2RXc4A6' +
    'sJDzVf8AtO//AOf65/7+t/jVWp7KZbe+t53BKxyK5A64BzWyVhj/AO07/wD5/rn/AL+t/jU1vq94jYku52U9zISRTNZvI7/VJrmIMqPtwGGDwoH9KpUP' +
    'UDfF/csMrdSkeokNL9uuv+fmb/v4axIJzC3qp6itBXDKGU5BrGSaEW/t11/z8zf9/DR9uuv+fmb/AL+GquaM1N2Ba+3XX/PzN/38NH266/5+Zv8Av4aq' +
    '5ozRdgWvt11/z8zf9/DR9uuv+fmb/v4aq5ozRdgNzRmmZozQA/NGaZmjNAD80jOFBJOAKY7hFyx4qnNKZD6KOgqoxuAs07SEgcJ6VFRRWyVhhT4onmmS' +
    'KMbndgqjOMk9KZU9lMtvfW87glY5FcgdcA5oAbdW01ncNBcJslTGVyDjIz2+tRVd1m8jv9UmuYgyo+3AYYPCgf0qlQAVJFM0R4PHcVHRRuB3tFVbzUrO' +
    'xx9qnWMnovJP1wOccdamWeF4fOWVGiwTvDArgdea+b5ZWvY9C6JK5u6P+lzf77fzrZttUsbqZoYLlHkU429M9enr07ViXZ/0ub/ro3867MJFxk00c9dp' +
    'pWGZozTM0Zr0DmG5ozTM0ZpiH5prOEXJpjyBBk/lVZmLHJqoxuMWSQyNk/gKbRRWowooooAKKKt6V/yFrL/run/oQoAqUVq+KP8AkP3X/AP/AEAVlUAF' +
    'FFFAFe+8+ebzJHkl4ABYliPapY5LpLFrcTyqpB+QOcY9MZ7/ANafRS5VtYdyvYRTpdpIheMoclgcH/J6VrlixJYkk8knvVEEg5HBqxHIHHoaia1uSybN' +
    'GaZmjNQIZmmu+0e9FFOKuwRCzFjk0lFFbFBRRRQAUUUUAFPileGZJYztdGDKcZwR0oooAddXM15cNPcPvlfGWwBnAx2+lRUUUAFFFFABRRRQAUAkHI60' +
    'UUATpJu4PWnZoorKSsyWf//Z',
] as const;

export type Scene = 0 | 1 | 2;

export interface PhotoExif {
  scene: Scene;
  /** Local time (UTC+8) the photo was taken: 'YYYY-MM-DDTHH:MM:SS'. */
  takenAt: string;
  latitude: number;
  longitude: number;
  camera: readonly [string, string];
}

/** A JPEG with DateTimeOriginal and the GPS position in its EXIF. */
export function sitePhoto(p: PhotoExif): Buffer {
  const exif = piexif.dump({
    '0th': { [piexif.ImageIFD.Make]: p.camera[0], [piexif.ImageIFD.Model]: p.camera[1] },
    Exif: { [piexif.ExifIFD.DateTimeOriginal]: p.takenAt.replace('T', ' ').replaceAll('-', ':') },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: 'N',
      [piexif.GPSIFD.GPSLatitude]: piexif.GPSHelper.degToDmsRational(p.latitude),
      [piexif.GPSIFD.GPSLongitudeRef]: 'E',
      [piexif.GPSIFD.GPSLongitude]: piexif.GPSHelper.degToDmsRational(p.longitude),
    },
  });
  const jpeg = Buffer.from(SCENES[p.scene], 'base64').toString('binary');
  return Buffer.from(piexif.insert(exif, jpeg), 'binary');
}
