import { NavTabs } from '../nav/NavTabs';
import { useRuntimeState } from '../runtime/runtimeContext';

function DriverBadge() {
  const { driver, hello, helloMillis } = useRuntimeState();
  if (driver.state === 'starting' || hello === undefined) {
    if (driver.state === 'failed') {
      return (
        <span className="badge badge-error" role="alert">
          Driver worker failed: {driver.message}
        </span>
      );
    }
    return <span className="badge">Starting the driver worker…</span>;
  }
  const cores = hello.hardwareConcurrency;
  return (
    <span className="badge badge-ok" title={`Round trip ${(helloMillis ?? 0).toFixed(1)} ms`}>
      Driver worker ready · {cores} logical {cores === 1 ? 'core' : 'cores'}
    </span>
  );
}

function SandboxBadge() {
  const { sandbox } = useRuntimeState();
  if (sandbox.state === 'failed') {
    return (
      <span className="badge badge-error" role="alert">
        Sandbox failed: {sandbox.message}
      </span>
    );
  }
  return (
    <span className={`badge${sandbox.state === 'ready' ? ' badge-ok' : ''}`}>
      {sandbox.state === 'ready' ? 'Sandbox ready' : 'Starting the sandbox…'}
    </span>
  );
}

export function Header() {
  return (
    <header className="app-header">
      <h1>Hyperopt Playground</h1>
      <NavTabs />
      <p className="tagline">Hyperopt&apos;s fmin, search spaces and TPE, running in your browser.</p>
      <div role="status" aria-label="Driver status">
        <DriverBadge />
      </div>
      <div role="status" aria-label="Sandbox status">
        <SandboxBadge />
      </div>
    </header>
  );
}
