import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder, whether running from src/ (tests) or dist/ (npm start). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CARDS_DIR = path.join(PROJECT_ROOT, 'cards');
