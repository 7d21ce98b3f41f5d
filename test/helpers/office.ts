// LibreOffice for the tests that open our documents in a real office suite. It must be installed
// (CI does it in .ci/run); without it those tests fail and say so, they do not skip.
import { execFileSync } from 'node:child_process';

export function soffice(): string {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 30_000 });
    return 'soffice';
  } catch {
    throw new Error('LibreOffice is not installed (no `soffice` on PATH): apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui');
  }
}
