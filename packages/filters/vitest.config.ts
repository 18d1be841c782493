import { defineConfig } from 'vitest/config';
import { packageTestSettings } from '../../vitest.shared.js';

export default defineConfig({ test: packageTestSettings });
