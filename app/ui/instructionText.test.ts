import { describe, expect, it } from 'vitest';
import { argumentsOf } from './instructionText.ts';

describe('argumentsOf', () => {
  it('drops the keyword and joins continuations', () => {
    expect(argumentsOf('RUN apt-get update \\\n && apt-get install -y curl')).toBe(
      'apt-get update && apt-get install -y curl',
    );
  });
  it('keeps exec form as written', () => {
    expect(argumentsOf('CMD ["python3", "app.py"]')).toBe('["python3", "app.py"]');
  });
  it('is empty for an instruction without arguments', () => {
    expect(argumentsOf('  FROM   ')).toBe('');
  });
});
