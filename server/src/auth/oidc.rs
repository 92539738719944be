//! Single sign-on with OpenID Connect (Entra ID, Keycloak, …): the
//! authorization code flow with PKCE, a nonce and a one-time state, through
//! the `openidconnect` crate, which checks the ID token's signature (the
//! provider's published keys), issuer, audience, expiry and nonce.
//!
//! A person is matched by the provider's subject once linked, or else by a
//! verified e-mail address that Styrbord knows, which links them. Nobody is
//! created here: roles are managed in Styrbord.

use app::store::{AccessStore, OidcFlow};
use chrono::Utc;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use tokio::sync::Mutex;

use crate::config::OidcConfig;

pub struct Provider {
    config: OidcConfig,
    redirect: RedirectUrl,
    http: openidconnect::reqwest::Client,
    /// Discovered on first use and kept; retried after a failure, so the
    /// app starts even while the provider is down.
    metadata: Mutex<Option<CoreProviderMetadata>>,
}

pub struct Outcome {
    /// The person signed in, or `None` when the provider's account matches
    /// nobody in Styrbord.
    pub person_id: Option<i64>,
    pub next_path: String,
}

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("provider discovery failed: {0}")]
    Discovery(String),
    #[error("bad configuration: {0}")]
    Config(String),
    #[error("unknown or expired sign-in state")]
    State,
    #[error("the token exchange failed: {0}")]
    Exchange(String),
    #[error("the ID token was refused: {0}")]
    Token(String),
    #[error(transparent)]
    Store(#[from] app::store::StoreError),
}

impl Provider {
    pub fn new(config: OidcConfig, public_url: &str) -> Result<Self, OidcError> {
        let redirect = RedirectUrl::new(format!("{public_url}/auth/oidc/callback"))
            .map_err(|e| OidcError::Config(format!("public URL: {e}")))?;
        // No redirects: following them would open the client to SSRF.
        let http = openidconnect::reqwest::ClientBuilder::new()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(|e| OidcError::Config(e.to_string()))?;
        Ok(Self { config, redirect, http, metadata: Mutex::new(None) })
    }

    async fn client(&self) -> Result<(CoreProviderMetadata, String), OidcError> {
        let mut cached = self.metadata.lock().await;
        if cached.is_none() {
            let issuer =
                IssuerUrl::new(self.config.issuer.clone()).map_err(|e| OidcError::Config(format!("issuer: {e}")))?;
            let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
                .await
                .map_err(|e| OidcError::Discovery(e.to_string()))?;
            *cached = Some(metadata);
        }
        let metadata = cached.clone().ok_or_else(|| OidcError::Discovery("no metadata".into()))?;
        let issuer = metadata.issuer().to_string();
        Ok((metadata, issuer))
    }

    fn build(&self, metadata: CoreProviderMetadata) -> Client {
        CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.config.client_id.clone()),
            Some(ClientSecret::new(self.config.client_secret.clone())),
        )
        .set_redirect_uri(self.redirect.clone())
    }

    /// The provider's authorization URL; the flow's secrets are kept in the
    /// store until the callback, under the random state.
    pub async fn start(&self, store: &dyn AccessStore, next_path: &str) -> Result<openidconnect::url::Url, OidcError> {
        let (metadata, _) = self.client().await?;
        let client = self.build(metadata);
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        store
            .save_oidc_flow(&OidcFlow {
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                pkce_verifier: verifier.secret().clone(),
                next_path: next_path.to_owned(),
                created_at: Utc::now(),
            })
            .await?;
        Ok(url)
    }

    pub async fn finish(&self, store: &dyn AccessStore, code: &str, state: &str) -> Result<Outcome, OidcError> {
        let flow = store.take_oidc_flow(state).await?.ok_or(OidcError::State)?;
        if Utc::now() - flow.created_at > chrono::Duration::minutes(10) {
            return Err(OidcError::State);
        }
        let (metadata, issuer) = self.client().await?;
        let client = self.build(metadata);
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| OidcError::Config(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::Exchange(e.to_string()))?;
        let id_token = response.id_token().ok_or_else(|| OidcError::Token("no ID token".into()))?;
        let verifier = client.id_token_verifier();
        let claims =
            id_token.claims(&verifier, &Nonce::new(flow.nonce)).map_err(|e| OidcError::Token(e.to_string()))?;
        if let Some(expected) = claims.access_token_hash() {
            let algorithm = id_token.signing_alg().map_err(|e| OidcError::Token(e.to_string()))?;
            let key = id_token.signing_key(&verifier).map_err(|e| OidcError::Token(e.to_string()))?;
            let actual = AccessTokenHash::from_token(response.access_token(), algorithm, key)
                .map_err(|e| OidcError::Token(e.to_string()))?;
            if actual != *expected {
                return Err(OidcError::Token("the access token does not match the ID token".into()));
            }
        }
        let subject = claims.subject().as_str();
        let person_id = match store.person_by_identity(&issuer, subject).await? {
            Some(person) => Some(person.id),
            None => {
                let verified_email = claims.email().filter(|_| claims.email_verified() == Some(true));
                match verified_email {
                    Some(email) => match store.person_by_email(email.as_str()).await? {
                        Some(person) => {
                            store.link_identity(&issuer, subject, person.id).await?;
                            Some(person.id)
                        }
                        None => None,
                    },
                    None => None,
                }
            }
        };
        Ok(Outcome { person_id, next_path: flow.next_path })
    }
}

/// The client as discovery configures it: authorization endpoint set,
/// token and user-info endpoints as the provider's metadata has them.
type Client = CoreClient<
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointMaybeSet,
    openidconnect::EndpointMaybeSet,
>;
