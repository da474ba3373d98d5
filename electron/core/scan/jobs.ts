/** Background jobs (scanning, OCR) kept in memory for the renderer to poll. */
import crypto from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';

export interface JobOwner {
  id: number;
  role: string;
}

interface Entry<T> {
  owner: number;
  createdAt: number;
  value: T;
}

export class JobTable<T> {
  private readonly jobs = new Map<string, Entry<T>>();

  constructor(
    private readonly prefix: string,
    private readonly keep = 200,
  ) {}

  create(owner: JobOwner, value: (id: string) => T): { id: string; value: T } {
    const id = `${this.prefix}-${crypto.randomBytes(8).toString('hex')}`;
    const entry = { owner: owner.id, createdAt: Date.now(), value: value(id) };
    this.jobs.set(id, entry);
    if (this.jobs.size > this.keep) {
      const oldest = this.jobs.keys().next().value;
      if (oldest !== undefined) this.jobs.delete(oldest);
    }
    return { id, value: entry.value };
  }

  /** A job of another user is answered as unknown (admins see every job). */
  get(id: string, viewer: JobOwner): T {
    const entry = this.jobs.get(id);
    if (!entry || (entry.owner !== viewer.id && viewer.role !== 'admin')) {
      throw new ApiError('NOT_FOUND', 'Pekerjaan tidak ditemukan (mungkin aplikasi dimulai ulang). Ulangi dari awal.');
    }
    return entry.value;
  }

  values(): T[] {
    return [...this.jobs.values()].map((e) => e.value);
  }
}
