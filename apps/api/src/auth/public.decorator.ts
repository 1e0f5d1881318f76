import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ipt:public';

/** Marks the few operations that need no session (signing in). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
