import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
// Only the focus tracker of bootstrap-italia's script (keyboard focus stays visible, mouse focus
// does not draw a ring); everything interactive is React.
import 'bootstrap-italia/dist/plugins/init.js';
import loadFonts from 'bootstrap-italia/dist/plugins/fonts-loader.js';
import './app/app.css';
import { App } from './app/App';

// The font files are copied into the build under this path (vite.config.ts, plugin bootstrapItaliaFonts).
loadFonts('/bootstrap-italia/dist/fonts');

const root = document.getElementById('root');
if (!root) throw new Error('SISO: #root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
