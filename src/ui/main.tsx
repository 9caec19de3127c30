import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { RuntimeProvider } from './runtime/RuntimeProvider';
import { TrackingProvider } from './tracking/TrackingProvider';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <RuntimeProvider>
      <TrackingProvider>
        <App />
      </TrackingProvider>
    </RuntimeProvider>
  </StrictMode>,
);
