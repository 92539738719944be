//! Server functions for the signed-in person, their API tokens, people and
//! roles (administrators), and the audit trail (administrators and PSG).
//! Each checks the caller's permission first, on the server.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::support::{access_store, invalid, person_id, require, respond, store};
use super::AppError;
#[cfg(feature = "ssr")]
use crate::domain::Permission;
use crate::views::{AccountPage, AuditPage, NewApiToken, PeopleAdmin, SessionUser, SignInOptions};

/// Who is looking at the page; `None` before sign-in.
#[server(prefix = "/sf", endpoint = "session")]
pub async fn who_am_i() -> Result<Option<SessionUser>, AppError> {
    use crate::domain::Via;
    let identity = use_context::<super::Identity>().and_then(|identity| identity.0);
    Ok(identity.map(|p| SessionUser {
        public: p.via == Via::Public,
        can_read: p.can(Permission::ReadPortfolio),
        can_manage_people: p.can(Permission::ManagePeople),
        can_view_audit: p.can(Permission::ViewAudit),
        name: p.name,
    }))
}

/// Single sign-on and demo accounts, as the server was started with.
#[server(prefix = "/sf", endpoint = "sign_in_options")]
pub async fn get_sign_in_options() -> Result<SignInOptions, AppError> {
    Ok(use_context::<SignInOptions>().unwrap_or_default())
}

#[server(prefix = "/sf", endpoint = "account")]
pub async fn get_account() -> Result<AccountPage, AppError> {
    respond(async {
        let principal = require(Permission::ManageOwnTokens)?;
        let id = person_id(&principal)?;
        let access = access_store()?;
        let person = access.person(id).await?.ok_or(AppError::NotFound)?;
        let accounts = access.people_accounts().await?;
        let roles = accounts.into_iter().find(|a| a.person.id == id).map(|a| a.roles).unwrap_or_default();
        Ok(AccountPage { person, roles, tokens: access.api_tokens_of(id).await? })
    })
    .await
}

#[server(prefix = "/sf", endpoint = "account/create_token")]
pub async fn create_api_token(name: String) -> Result<NewApiToken, AppError> {
    respond(async {
        let principal = require(Permission::ManageOwnTokens)?;
        let id = person_id(&principal)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(invalid("name", "required"));
        }
        if name.chars().count() > 100 {
            return Err(invalid("name", "too_long"));
        }
        let secret = crate::secrets::random_token("sbt_");
        let token = access_store()?.create_api_token(id, name, &crate::secrets::digest(&secret)).await?;
        Ok(NewApiToken { token, secret })
    })
    .await
}

#[server(prefix = "/sf", endpoint = "account/revoke_token")]
pub async fn revoke_api_token(id: i64) -> Result<(), AppError> {
    respond(async {
        let principal = require(Permission::ManageOwnTokens)?;
        // The owner comes from the session, never from the request: another
        // person's token id is simply not found.
        if access_store()?.revoke_api_token(person_id(&principal)?, id).await? {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    })
    .await
}

#[server(prefix = "/sf", endpoint = "admin/people")]
pub async fn get_people_admin() -> Result<PeopleAdmin, AppError> {
    respond(async {
        require(Permission::ManagePeople)?;
        let access = access_store()?;
        let objects = store()?.objects().await?;
        Ok(PeopleAdmin {
            people: access.people_accounts().await?,
            objects: objects.iter().map(Into::into).collect(),
            public_status_pages: access.public_status_pages().await?,
        })
    })
    .await
}

#[server(prefix = "/sf", endpoint = "admin/add_person")]
pub async fn add_person(name: String, email: String, password: String) -> Result<(), AppError> {
    respond(async {
        let admin = require(Permission::ManagePeople)?;
        let (name, email) = (name.trim(), email.trim());
        if name.is_empty() {
            return Err(invalid("name", "required"));
        }
        if name.chars().count() > 200 {
            return Err(invalid("name", "too_long"));
        }
        if !plausible_email(email) {
            return Err(invalid("email", "email"));
        }
        let password_hash = if password.is_empty() {
            None
        } else {
            match crate::domain::password_problem(&password) {
                Some(crate::domain::PasswordProblem::TooShort) => return Err(invalid("password", "too_short")),
                Some(crate::domain::PasswordProblem::TooLong) => return Err(invalid("password", "too_long")),
                None => Some(crate::secrets::hash_password(&password).map_err(|_| AppError::Internal)?),
            }
        };
        let person = crate::store::NewPerson {
            name: name.to_owned(),
            email: email.to_owned(),
            password_hash,
            roles: Vec::new(),
        };
        access_store()?.create_person(&person, admin.person_id).await.map_err(|e| match e {
            crate::store::StoreError::Conflict(_) => invalid("email", "taken"),
            other => other.into(),
        })?;
        Ok(())
    })
    .await
}

/// A role key and, for object roles, the object's code.
#[cfg(feature = "ssr")]
async fn role_target(
    access: &crate::store::SharedAccessStore,
    role: &str,
    object: &str,
) -> Result<(crate::domain::Role, Option<i64>), AppError> {
    let role = crate::domain::Role::from_key(role).map_err(|_| invalid("role", "unknown"))?;
    let object = object.trim();
    match (role.is_per_object(), object.is_empty()) {
        (true, true) => Err(invalid("object", "required")),
        (true, false) => {
            let id = access.object_id(object).await?.ok_or_else(|| invalid("object", "unknown"))?;
            Ok((role, Some(id)))
        }
        (false, true) => Ok((role, None)),
        (false, false) => Err(invalid("object", "not_for_role")),
    }
}

#[server(prefix = "/sf", endpoint = "admin/grant_role")]
pub async fn grant_role(person_id: i64, role: String, object: String) -> Result<(), AppError> {
    respond(async {
        let admin = require(Permission::ManagePeople)?;
        let access = access_store()?;
        access.person(person_id).await?.ok_or(AppError::NotFound)?;
        let (role, object_id) = role_target(&access, &role, &object).await?;
        access.grant_role(person_id, role, object_id, admin.person_id).await?;
        Ok(())
    })
    .await
}

#[server(prefix = "/sf", endpoint = "admin/revoke_role")]
pub async fn revoke_role(person_id: i64, role: String, object: String) -> Result<(), AppError> {
    respond(async {
        let admin = require(Permission::ManagePeople)?;
        let access = access_store()?;
        let (role, object_id) = role_target(&access, &role, &object).await?;
        if admin.person_id == Some(person_id) && role == crate::domain::Role::Administrator {
            // Nobody locks the last door from the inside by accident.
            return Err(invalid("role", "own_admin"));
        }
        if access.revoke_role(person_id, role, object_id, admin.person_id).await? {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    })
    .await
}

#[server(prefix = "/sf", endpoint = "admin/public_status")]
pub async fn set_public_status(enabled: bool) -> Result<(), AppError> {
    respond(async {
        let admin = require(Permission::ManagePeople)?;
        access_store()?.set_public_status_pages(enabled, person_id(&admin)?).await?;
        Ok(())
    })
    .await
}

#[server(prefix = "/sf", endpoint = "audit")]
pub async fn get_audit(
    object: Option<String>,
    person: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<AuditPage, AppError> {
    respond(async {
        require(Permission::ViewAudit)?;
        audit_page(&store()?, &access_store()?, object, person, from, to).await
    })
    .await
}

/// The audit page's data for a filter as typed (dates `YYYY-MM-DD`, whole
/// days, `to` inclusive). Also behind the CSV export.
#[cfg(feature = "ssr")]
pub async fn audit_page(
    store: &crate::store::SharedStore,
    access: &crate::store::SharedAccessStore,
    object: Option<String>,
    person: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<AuditPage, AppError> {
    use crate::domain::AuditFilter;
    use crate::views::AuditQuery;
    use chrono::NaiveDate;

    let clean = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let (object, person, from, to) = (clean(object), clean(person), clean(from), clean(to));
    let day = |field: &str, text: &Option<String>| -> Result<Option<NaiveDate>, AppError> {
        text.as_deref()
            .map(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| invalid(field, "date")))
            .transpose()
    };
    let (since, until) = (day("from", &from)?, day("to", &to)?);
    if let (Some(a), Some(b)) = (since, until) {
        if a > b {
            return Err(invalid("to", "before_from"));
        }
    }
    let person_id =
        person.as_deref().map(|p| p.parse::<i64>().map_err(|_| invalid("person", "unknown"))).transpose()?;
    let objects = store.objects().await?;
    let object_id = match &object {
        Some(code) => {
            Some(objects.iter().find(|o| o.code.as_str() == code).ok_or_else(|| invalid("object", "unknown"))?.id)
        }
        None => None,
    };
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    let filter = AuditFilter {
        object_id,
        actor_id: person_id,
        since: since.and_then(midnight),
        until: until.and_then(|d| d.succ_opt()).and_then(midnight),
    };
    let people = access.people().await?;
    let records = store.audit_log(&filter).await?;
    Ok(AuditPage {
        limit: crate::store::AUDIT_PAGE_LIMIT,
        entries: crate::views::audit_entries(records, &people, &objects),
        objects: objects.iter().map(Into::into).collect(),
        people: people.into_iter().map(|p| (p.id, p.name)).collect(),
        query: AuditQuery { object, person: person_id, from, to },
    })
}

/// Enough to catch typing mistakes; the address is proven by use.
#[cfg(feature = "ssr")]
fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
        && !domain.contains('@')
}
