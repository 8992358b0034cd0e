import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useScanAttendance } from '../api/attendance-scan';

// The Barcode Detection API is not in TypeScript's DOM library yet: the little of it used here.
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorConstructor {
  new (options?: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats?: () => Promise<string[]>;
}

/** The browser's own QR reader and a camera, when both exist (no library to download). */
export function cameraScanner(): BarcodeDetectorConstructor | null {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  const camera = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  return Detector && camera ? Detector : null;
}

/** The same code read again within this time is the same person still in front of the camera. */
const REPEAT_MS = 4000;
const DETECT_EVERY_MS = 300;

/**
 * Marks participants present on `day` from the token in their QR code: read by the camera where
 * the browser can (BarcodeDetector), and always typed or pasted in the field, which is also where
 * a handheld scanner acting as a keyboard types it (followed by Enter).
 */
export function AttendanceScan({ sessionId, day }: { sessionId: string; day: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const scan = useScanAttendance(sessionId);
  const [code, setCode] = useState('');
  const [cameraOn, setCameraOn] = useState(false);
  const [cameraFailed, setCameraFailed] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const lastRead = useRef<{ code: string; at: number } | null>(null);
  const Detector = cameraScanner();
  const unknown = scan.error instanceof ApiError && scan.error.status === 404;
  const errors = formErrors(unknown ? null : scan.error, t, { fields: ['token'] });

  function send(token: string) {
    const value = token.trim();
    if (!value || scan.isPending) return;
    scan.mutate(
      { token: value, day },
      {
        onSuccess: () => {
          setCode('');
          input.current?.focus();
        },
      },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(code);
  }

  function handleRead(value: string) {
    const now = Date.now();
    const last = lastRead.current;
    if (last && last.code === value && now - last.at < REPEAT_MS) return;
    lastRead.current = { code: value, at: now };
    send(value);
  }

  const marked = scan.data;
  return (
    <form className="form" onSubmit={handleSubmit} aria-labelledby="attendance-scan-title">
      <h3 id="attendance-scan-title">{t('enrol.scan.title')}</h3>
      <FormAlert messages={unknown ? [t('enrol.scan.unknown')] : errors.general} />
      <StatusMessage>
        {scan.isSuccess && marked
          ? t('enrol.scan.marked', {
              name: marked.full_name ?? t('enrol.scan.someone'),
              day: formatDate(marked.day, language, 'UTC'),
            })
          : null}
      </StatusMessage>
      {Detector && (
        <div className="stack">
          {cameraOn ? (
            <>
              <CameraReader
                Detector={Detector}
                onRead={handleRead}
                onFailure={() => {
                  setCameraOn(false);
                  setCameraFailed(true);
                }}
              />
              <Button variant="secondary" onClick={() => setCameraOn(false)}>
                {t('enrol.scan.cameraStop')}
              </Button>
            </>
          ) : (
            <Button
              variant="secondary"
              onClick={() => {
                setCameraFailed(false);
                setCameraOn(true);
              }}
            >
              {t('enrol.scan.cameraStart')}
            </Button>
          )}
          {cameraFailed && <p className="field-hint">{t('enrol.scan.cameraFailed')}</p>}
        </div>
      )}
      <Field name="token" label={t('enrol.scan.code')} hint={t('enrol.scan.codeHint')} error={errors.fields.token}>
        {(props) => (
          <input
            {...props}
            ref={input}
            type="text"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={64}
          />
        )}
      </Field>
      <Button type="submit" busy={scan.isPending} busyLabel={t('enrol.scan.marking')}>
        {t('enrol.scan.mark')}
      </Button>
    </form>
  );
}

/** The camera's picture, read for QR codes a few times a second until unmounted. */
function CameraReader({
  Detector,
  onRead,
  onFailure,
}: {
  Detector: BarcodeDetectorConstructor;
  onRead: (value: string) => void;
  onFailure: () => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  // The latest callbacks, without restarting the camera when the parent renders again.
  const callbacks = useRef({ onRead, onFailure });
  callbacks.current = { onRead, onFailure };

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    let busy = false;
    async function start() {
      try {
        const formats = (await Detector.getSupportedFormats?.()) ?? ['qr_code'];
        if (!formats.includes('qr_code')) throw new Error('QR codes are not supported');
        const detector = new Detector({ formats: ['qr_code'] });
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        if (stopped) return;
        const element = video.current;
        if (!element) return;
        element.srcObject = stream;
        await element.play?.()?.catch(() => undefined);
        timer = setInterval(async () => {
          if (busy || stopped) return;
          busy = true;
          try {
            const [found] = await detector.detect(element);
            if (found?.rawValue && !stopped) callbacks.current.onRead(found.rawValue);
          } catch {
            // A frame that cannot be read yet (the camera is starting): try the next one.
          } finally {
            busy = false;
          }
        }, DETECT_EVERY_MS);
      } catch {
        if (!stopped) callbacks.current.onFailure();
      }
    }
    void start();
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [Detector]);

  return (
    <video
      ref={video}
      muted
      playsInline
      aria-label={t('enrol.scan.cameraView')}
      style={{ width: '100%', maxWidth: '24rem', background: '#000' }}
    />
  );
}
