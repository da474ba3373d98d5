/**
 * Form fields with a bound label, an optional hint and the error message right under the input.
 * Required fields are marked with an asterisk; the browser's own (English) validation is never
 * used: forms are `noValidate` and Loket checks the input itself.
 */
import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  /** Shown at the right of the label, e.g. a character counter. */
  aside?: ReactNode;
}

function describedBy(id: string, error: string | undefined, hint: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function cls(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  );
}

function Frame({ id, label, error, hint, required, className, aside, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className={cls('field', error && 'field--invalid', className)}>
      <div className="field-label-row">
        <label htmlFor={id}>
          {label}
          {required && (
            <span className="req" aria-hidden="true">
              {' '}*
            </span>
          )}
        </label>
        {aside}
      </div>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required'>;

export function TextField({
  id,
  label,
  error,
  hint,
  required,
  className,
  aside,
  value,
  onValueChange,
  ref,
  ...rest
}: FieldFrame & InputRest & { value: string; onValueChange: (value: string) => void; ref?: Ref<HTMLInputElement> }) {
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={required} className={className} aside={aside}>
      <input
        ref={ref}
        id={id}
        name={id}
        type="text"
        {...rest}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
    </Frame>
  );
}

type TextareaRest = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'required'>;

export function TextAreaField({
  id,
  label,
  error,
  hint,
  required,
  className,
  aside,
  value,
  onValueChange,
  ref,
  ...rest
}: FieldFrame & TextareaRest & { value: string; onValueChange: (value: string) => void; ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={required} className={className} aside={aside}>
      <textarea
        ref={ref}
        id={id}
        name={id}
        {...rest}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
    </Frame>
  );
}

type SelectRest = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'required'>;

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  id,
  label,
  error,
  hint,
  required,
  className,
  aside,
  value,
  onValueChange,
  options,
  placeholder,
  ...rest
}: FieldFrame & SelectRest & { value: string; onValueChange: (value: string) => void; options: readonly Option[]; placeholder?: string }) {
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={required} className={className} aside={aside}>
      <select
        id={id}
        name={id}
        {...rest}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onCheckedChange,
  error,
  hint,
  className,
  disabled,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <div className={cls('field field--check', error && 'field--invalid', className)}>
      <div className="check">
        <input
          id={id}
          name={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onCheckedChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A message for the whole form (what went wrong, or that it worked). */
export function Alert({ kind, children, id }: { kind: 'error' | 'success' | 'info' | 'warning'; children: ReactNode; id?: string }) {
  return (
    <div id={id} className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function RequiredNote() {
  return (
    <p className="required-note">
      <span className="req" aria-hidden="true">
        *
      </span>{' '}
      wajib diisi
    </p>
  );
}
