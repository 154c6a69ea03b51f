import type { FastifyInstance } from 'fastify';
import { validateResidentId } from '@shoutu/domain';

const ID_CANDIDATE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

/**
 * SECURITY.md row 16: no response to a default role carries a full resident ID number or mobile
 * number; only an audited unmask may. Installed on every test app, it turns such a response into a
 * 500, so the test that made the call fails at the place the leak happens.
 */
export function installPersonalDataScanner(app: FastifyInstance): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    // Operator endpoints (/metrics) print byte counts that look like phone numbers; personal data lives under /api.
    if (typeof payload !== 'string' || !request.url.startsWith('/api/') || request.url.includes('/unmask')) return payload;
    const ids = [...payload.matchAll(ID_CANDIDATE)].map((m) => m[0]).filter((candidate) => validateResidentId(candidate).ok);
    const mobiles = [...payload.matchAll(MOBILE)].map((m) => m[0]);
    if (ids.length || mobiles.length) {
      throw new Error(`Personal data in the response to ${request.method} ${request.url}: ${ids.length} ID number(s), ${mobiles.length} mobile number(s)`);
    }
    return payload;
  });
}
