import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/lib/i18n';
import { attendanceQrUrl } from '../api/attendance-qr';
import { useApplication } from '../api/get-application';

/**
 * A confirmed seat's pass: the QR code a coordinator scans at the door each day, and the same code
 * in letters, to read out or type when the code cannot be scanned.
 */
export function AttendancePass({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const detail = useApplication(applicationId, currentLanguage());
  const code = detail.data?.attendance_code;
  if (!code) return null;
  return (
    <details className="attendance-pass">
      <summary>{t('enrol.pass.title')}</summary>
      <p>{t('enrol.pass.intro')}</p>
      <figure>
        <img src={attendanceQrUrl(applicationId)} alt={t('enrol.pass.qr')} width={200} height={200} />
        <figcaption>
          {t('enrol.pass.code')} <code>{code}</code>
        </figcaption>
      </figure>
    </details>
  );
}
