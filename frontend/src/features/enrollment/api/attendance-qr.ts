/** The learner's attendance QR code (an SVG image; the browser sends the session cookie). */
export function attendanceQrUrl(applicationId: string): string {
  return `/api/enrollment/applications/${encodeURIComponent(applicationId)}/attendance-qr.svg`;
}
