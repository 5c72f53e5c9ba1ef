import { Banner, Button, Card, Spinner } from '../../app/theme';
import { StorageNotice } from '../../app/StorageNotice';
import { LinkNotice } from '../links/LinkNotice';
import { FlaskIcon, LogoMark } from '../../app/theme/icons';
import { announce } from '../announcer/store';
import { startDemo } from '../connection/actions';
import { useConnectionStore } from '../connection/store';
import { useNavigationStore } from '../navigation/store';
import { ConnectForm } from './ConnectForm';
import { useOnboardingStore } from './store';
import './onboarding.css';

export function OnboardingScreen() {
  // An error the core holds from before this form was used (e.g. a stored key it could not read).
  const coreError = useConnectionStore((s) => s.view?.error ?? null);
  // The server of the last session, waiting for its key: the form stays on it.
  const keyNeeded = useConnectionStore((s) => s.view?.keyNeeded ?? null);
  const busy = useOnboardingStore((s) => s.busy);
  const demoError = useOnboardingStore((s) => s.errors.demo);

  const tryDemo = async () => {
    if (busy) return;
    const { setBusy, setErrors, reset } = useOnboardingStore.getState();
    setErrors({});
    setBusy('demo');
    announce('Starting the demo server…');
    const result = await startDemo();
    setBusy(null);
    if (!result.ok) return setErrors({ demo: result.message });
    reset();
    useNavigationStore.getState().go('launch');
    announce('Demo mode started.');
  };

  return (
    <main className="onboarding">
      <div className="onboarding-column">
        <header className="onboarding-welcome">
          <LogoMark size={40} />
          <h1>Welcome to Vexa Companion</h1>
          <p className="muted">
            Send a Vexa bot to your Google Meet, Teams, Zoom or Jitsi meetings, hear about it the moment it waits in the lobby, follow live
            captions, and keep every transcript on this computer.
          </p>
        </header>

        <StorageNotice />
        <LinkNotice />

        {coreError && !keyNeeded ? <Banner tone="error">{coreError.message}</Banner> : null}

        {keyNeeded ? (
          <Card
            title={`Enter the API key for ${keyNeeded.label}`}
            description={coreError?.message ?? `The app no longer has the key for ${keyNeeded.label}.`}
          >
            <ConnectForm key={keyNeeded.id} target={{ kind: 'keyNeeded', server: keyNeeded }} />
          </Card>
        ) : (
          <Card title="Connect your Vexa server" description="Use your API key for Vexa Cloud or a server you run yourself.">
            <ConnectForm key="new" />
          </Card>
        )}

        <div className="onboarding-or" aria-hidden="true">
          <span>or</span>
        </div>

        <section className="onboarding-demo" aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="sr-only">
            Demo mode
          </h2>
          <Button size="lg" block icon={<FlaskIcon size={18} />} busy={busy === 'demo'} onClick={() => void tryDemo()}>
            Try without an account
          </Button>
          {busy === 'demo' ? (
            <Spinner label="Starting the demo server…" />
          ) : (
            <p className="muted">A built-in simulator plays a sample meeting. Nothing leaves this computer.</p>
          )}
          {demoError ? <Banner tone="error">{demoError}</Banner> : null}
        </section>
      </div>
    </main>
  );
}
