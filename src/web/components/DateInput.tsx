// A date picker whose value is the 'YYYY-MM-DD' string the API speaks, not a dayjs object.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { appToday } from '../app/clock.ts';

export interface DateInputProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
  picker?: 'date' | 'month';
  /** Earliest date offered ('YYYY-MM-DD'). */
  minDate?: string;
}

export default function DateInput({ value, onChange, picker = 'date', style, minDate, ...rest }: DateInputProps) {
  return (
    <DatePicker
      {...rest}
      picker={picker}
      value={value ? dayjs(value) : null}
      minDate={minDate ? dayjs(minDate) : undefined}
      // An empty picker opens on the server's month (a demo database stands on its own day).
      defaultPickerValue={dayjs(minDate && minDate > appToday() ? minDate : appToday())}
      onChange={(d) => onChange?.(d ? d.format(picker === 'month' ? 'YYYY-MM-01' : 'YYYY-MM-DD') : null)}
      format={picker === 'month' ? 'YYYY年M月' : 'YYYY年M月D日'}
      style={{ width: '100%', ...style }}
    />
  );
}
