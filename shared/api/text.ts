/**
 * The text fields every schema module uses, with their Indonesian messages: a required text
 * (trimmed, not empty, at most `max` characters) and an optional one (trimmed, '' when absent).
 */
import { z } from 'zod';

export const req = (label: string, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, { error: `${label} wajib diisi.` })
    .max(max, { error: `${label} paling panjang ${max} karakter.` });

export const opt = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} paling panjang ${max} karakter.` })
    .default('');

/** A row id in the register. */
export const IdSchema = z.number().int().positive();
