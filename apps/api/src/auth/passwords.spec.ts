import { hashPassword, passwordMatches } from './passwords';

describe(hashPassword.name, () => {
  const cheap = { memoryCostKiB: 1024, timeCost: 1 };

  it('hashes with argon2id at the configured cost, and verifies', async () => {
    const sut = await hashPassword('correct horse battery', cheap);
    expect(sut).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    await expect(passwordMatches(sut, 'correct horse battery')).resolves.toBe(true);
    await expect(passwordMatches(sut, 'wrong horse battery')).resolves.toBe(false);
  });

  it('treats a malformed stored hash as a mismatch, not a crash', async () => {
    await expect(passwordMatches('not-a-hash', 'anything')).resolves.toBe(false);
  });
});
