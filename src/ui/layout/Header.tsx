import { useDriverStatus } from '../driver/driverContext';

function DriverBadge() {
  const status = useDriverStatus();
  if (status.state === 'starting') {
    return <span className="badge">Starting the driver worker…</span>;
  }
  if (status.state === 'failed') {
    return (
      <span className="badge badge-error" role="alert">
        Driver worker failed: {status.message}
      </span>
    );
  }
  const cores = status.hello.hardwareConcurrency;
  return (
    <span className="badge badge-ok" title={`Round trip ${status.roundTripMillis.toFixed(1)} ms`}>
      Driver worker ready · {cores} logical {cores === 1 ? 'core' : 'cores'}
    </span>
  );
}

export function Header() {
  return (
    <header className="app-header">
      <h1>Hyperopt Playground</h1>
      <p className="tagline">Hyperopt&apos;s fmin, search spaces and TPE, running in your browser.</p>
      <div role="status" aria-label="Driver status">
        <DriverBadge />
      </div>
    </header>
  );
}
