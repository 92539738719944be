// A local OpenID Connect provider for the single sign-on tests (the
// `oidc-provider` package, certified by the OpenID Foundation), so the tests
// need no external identity service.
//
//   node tests/oidc/provider.mjs <redirect-uri>
//
// Prints `ready <issuer>` once it listens on a free port of 127.0.0.1.
// There is no login form: the test says who signs in next with
// `POST /test/next-account` (JSON: sub, email, email_verified), and the
// interaction then finishes as that account, with consent granted.
import http from 'node:http';
import Provider from 'oidc-provider';

const redirectUri = process.argv[2];
if (!redirectUri) {
  console.error('usage: provider.mjs <redirect-uri>');
  process.exit(2);
}

// Stdout carries only the ready line (the test stops reading after it);
// everything the provider logs goes to stderr.
const announce = (line) => process.stdout.write(`${line}\n`);
console.log = console.info = console.error;
process.stdout.on('error', () => {});

const accounts = new Map();
let nextAccount = null;

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'styrbord',
        client_secret: 'styrbord-test-secret',
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Claims of the requested scopes go into the ID token too, as Entra ID does.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['styrbord-oidc-test'] },
    findAccount: async (ctx, sub) => {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  provider.on('server_error', (ctx, error) => console.error('provider error:', error));
  const handle = provider.callback();

  server.on('request', async (req, res) => {
    try {
      if (req.method === 'POST' && req.url === '/test/next-account') {
        const body = await new Promise((resolve) => {
          let text = '';
          req.on('data', (chunk) => (text += chunk));
          req.on('end', () => resolve(text));
        });
        const { sub, ...claims } = JSON.parse(body);
        accounts.set(sub, claims);
        nextAccount = sub;
        res.writeHead(204).end();
      } else if (req.url.startsWith('/interaction/')) {
        if (!nextAccount) {
          res.writeHead(409).end('no account chosen');
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: nextAccount } }, {
          mergeWithLastSubmission: false,
        });
      } else {
        handle(req, res);
      }
    } catch (error) {
      console.error(error);
      res.writeHead(500).end(String(error));
    }
  });
  announce(`ready ${issuer}`);
});
