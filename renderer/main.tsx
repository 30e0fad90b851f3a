// The window's entry point. The zod switch must come first: the shared schemas are built on import.
import './lib/zodUnderStrictCsp.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findDeskApi } from './api/desk.ts';
import { App } from './app/App.tsx';
import { ApiMissing } from './app/ApiMissing.tsx';
import './styles/theme.css';
import './styles/chrome.css';
import './styles/inbox.css';
import './styles/case.css';
import './styles/failed.css';
import './styles/health.css';
import './styles/settings.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(<StrictMode>{findDeskApi() ? <App /> : <ApiMissing />}</StrictMode>);
