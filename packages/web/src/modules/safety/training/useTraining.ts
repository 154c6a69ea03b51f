import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../../../app/api/useCursorList';
import { trainingApi, trainingKeys } from './training.api';
import type { CertificateChange, CertificateFilter, CertificateInput, CourseInput, SessionDetail, SessionFilter, SessionInput } from './training.types';

export function useCourses(q: string) {
  return useCursorList(trainingKeys.courses(q), (cursor) => trainingApi.courses(q, cursor));
}

export function useSessions(filter: SessionFilter) {
  return useCursorList(trainingKeys.sessions(filter), (cursor) => trainingApi.sessions(filter, cursor));
}

export function useMySessions(pending: boolean) {
  return useCursorList(trainingKeys.mySessions(pending), (cursor) => trainingApi.mySessions(pending, cursor));
}

export function useSession(id: string) {
  return useQuery({ queryKey: trainingKeys.session(id), queryFn: () => trainingApi.session(id) });
}

export function useAttendanceRates(query: { sessionId?: string; from?: string; to?: string }) {
  return useQuery({ queryKey: trainingKeys.rates(query), queryFn: () => trainingApi.rates(query) });
}

export function useCandidates(enabled: boolean) {
  return useQuery({ queryKey: trainingKeys.candidates, queryFn: trainingApi.candidates, enabled, staleTime: 60_000 });
}

export function useCertificates(filter: CertificateFilter) {
  return useCursorList(trainingKeys.certificates(filter), (cursor) => trainingApi.certificates(filter, cursor));
}

export function useCertificateAlerts() {
  return useQuery({ queryKey: trainingKeys.alerts, queryFn: trainingApi.alerts });
}

/** Every write invalidates the module's queries: lists, tallies, rates and alerts all move together. */
function useTrainingMutation<A, R>(fn: (args: A) => Promise<R>, onDone?: (result: R) => void) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: onDone, onSettled: () => client.invalidateQueries({ queryKey: trainingKeys.all }) });
}

export const useSaveCourse = () =>
  useTrainingMutation(({ id, body }: { id: string | null; body: CourseInput & { version?: number } }) => (id ? trainingApi.updateCourse(id, { ...body, version: body.version! }) : trainingApi.createCourse(body)));

export const useCreateSession = () => useTrainingMutation((body: SessionInput) => trainingApi.createSession(body));

export function useRecordAttendance(sessionId: string) {
  const client = useQueryClient();
  return useTrainingMutation(
    (body: { version: number; watchedMinutes: number; userId?: string }) => trainingApi.record(sessionId, body),
    (session: SessionDetail) => client.setQueryData(trainingKeys.session(sessionId), session),
  );
}

export const useCreateCertificate = () => useTrainingMutation((body: CertificateInput) => trainingApi.createCertificate(body));
export const useUpdateCertificate = () => useTrainingMutation(({ id, body }: { id: string; body: CertificateChange }) => trainingApi.updateCertificate(id, body));
