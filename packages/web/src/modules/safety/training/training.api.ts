import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type {
  AttendanceRates,
  AttendeeCandidates,
  Certificate,
  CertificateAlerts,
  CertificateChange,
  CertificateFilter,
  CertificateInput,
  Course,
  CourseInput,
  InvitedSession,
  Session,
  SessionDetail,
  SessionFilter,
  SessionInput,
} from './training.types';

export const trainingKeys = {
  all: ['training'] as const,
  courses: (q: string) => ['training', 'courses', q] as const,
  sessions: (filter: SessionFilter) => ['training', 'sessions', filter] as const,
  mySessions: (pending: boolean) => ['training', 'my-sessions', pending] as const,
  session: (id: string) => ['training', 'session', id] as const,
  rates: (query: { sessionId?: string; from?: string; to?: string }) => ['training', 'rates', query] as const,
  candidates: ['training', 'candidates'] as const,
  certificates: (filter: CertificateFilter) => ['training', 'certificates', filter] as const,
  alerts: ['training', 'certificate-alerts'] as const,
};

const enc = encodeURIComponent;

export const trainingApi = {
  courses: (q: string, cursor: string | null) => api<Page<Course>>('/training/courses', { query: { limit: PAGE_SIZE, cursor, q: q || undefined } }),
  createCourse: (body: CourseInput) => api<Course>('/training/courses', { method: 'POST', body }),
  updateCourse: (id: string, body: Partial<CourseInput> & { version: number }) => api<Course>(`/training/courses/${enc(id)}`, { method: 'PATCH', body }),
  sessions: (filter: SessionFilter, cursor: string | null) => api<Page<Session>>('/training/sessions', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  mySessions: (pending: boolean, cursor: string | null) => api<Page<InvitedSession>>('/training/my-sessions', { query: { limit: PAGE_SIZE, cursor, pending: pending || undefined } }),
  session: (id: string) => api<SessionDetail>(`/training/sessions/${enc(id)}`),
  createSession: (body: SessionInput) => api<SessionDetail>('/training/sessions', { method: 'POST', body }),
  record: (id: string, body: { version: number; watchedMinutes: number; userId?: string }) => api<SessionDetail>(`/training/sessions/${enc(id)}/attendance`, { method: 'POST', body }),
  rates: (query: { sessionId?: string; from?: string; to?: string }) => api<AttendanceRates>('/training/attendance-rates', { query }),
  candidates: () => api<AttendeeCandidates>('/training/attendee-candidates'),
  certificates: (filter: CertificateFilter, cursor: string | null) => api<Page<Certificate>>('/training/certificates', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  alerts: () => api<CertificateAlerts>('/training/certificates/alerts', { query: { limit: 5 } }),
  searchCertificates: (idNumber: string) => api<{ items: Certificate[] }>('/training/certificates/search', { method: 'POST', body: { idNumber } }),
  createCertificate: (body: CertificateInput) => api<Certificate>('/training/certificates', { method: 'POST', body }),
  updateCertificate: (id: string, body: CertificateChange) => api<Certificate>(`/training/certificates/${enc(id)}`, { method: 'PATCH', body }),
};
