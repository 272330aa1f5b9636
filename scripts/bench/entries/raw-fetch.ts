// Baseline: the same scenario with bare fetch and no SDK.
const base = 'https://l7api.com/v1.2/voipstudio';
const login = await fetch(`${base}/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: 'a@example.com', password: 'p' }),
}).then((r) => r.json());
const cdrs = await fetch(`${base}/cdrs?limit=10`, { headers: { 'X-Auth-Token': login.user_token } }).then((r) => r.json());
console.log(cdrs.total);
