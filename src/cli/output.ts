/** What one run of the command line gives back: its exit code (README: 0 clean, 1 errors found, 2 unusable input) and its two streams. */
export interface CliOutput {
  readonly code: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}
