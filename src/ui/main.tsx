import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DriverProvider } from './driver/DriverProvider';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <DriverProvider>
      <App />
    </DriverProvider>
  </StrictMode>,
);
