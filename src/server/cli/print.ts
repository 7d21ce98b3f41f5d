export interface LoginLine {
  role: string;
  username: string;
  password: string;
  displayName: string;
  regionName: string;
}

export function printLogins(logins: LoginLine[]) {
  console.log('\n演示账号（每个角色一个）：');
  for (const l of logins) console.log(`  ${l.role.padEnd(10)} ${l.username.padEnd(14)} ${l.password.padEnd(16)} ${l.displayName}（${l.regionName}）`);
  console.log('');
}
