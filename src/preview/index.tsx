/* Preview entry: no office.js here — the pane runs over the in-memory Excel. */
import { createRoot } from 'react-dom/client';
import { installExcelEnums } from '../fake-excel';
import { PreviewApp } from './PreviewApp';
import { readParams } from './params';

installExcelEnums();
const root = document.getElementById('root');
if (root) createRoot(root).render(<PreviewApp params={readParams(window.location.search)} />);
