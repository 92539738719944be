//! Sending an import's file with a progress bar, once the wasm runs: the
//! same multipart post as the plain form, through `XMLHttpRequest` (fetch
//! reports no upload progress). The server answers with a redirect to the
//! preview, which the request follows; the page then goes there.

use leptos::prelude::*;

/// How far the upload is, in percent, while one runs.
#[derive(Clone, Copy)]
pub struct Progress {
    pub percent: RwSignal<Option<u32>>,
    pub failed: RwSignal<bool>,
}

impl Progress {
    pub fn new() -> Self {
        Self { percent: RwSignal::new(None), failed: RwSignal::new(false) }
    }
}

/// Starts the upload of `form`; false when the browser cannot, so the
/// plain form post goes ahead instead.
#[cfg(feature = "hydrate")]
pub fn send(form: &web_sys::HtmlFormElement, progress: Progress) -> bool {
    use leptos::wasm_bindgen::closure::Closure;
    use leptos::wasm_bindgen::JsCast;

    let (Ok(data), Ok(request)) = (web_sys::FormData::new_with_form(form), web_sys::XmlHttpRequest::new()) else {
        return false;
    };
    if request.open("POST", &form.action()).is_err() {
        return false;
    }
    let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
        // Whole bytes as integers: no float arithmetic in this crate.
        let (loaded, total) = (event.loaded() as u64, event.total() as u64);
        if event.length_computable() && total > 0 {
            progress.percent.set(Some(u32::try_from(loaded.saturating_mul(100) / total).unwrap_or(100)));
        }
    });
    if let Ok(upload) = request.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    let finished = request.clone();
    let on_done = Closure::<dyn FnMut()>::new(move || {
        let url = finished.response_url();
        if finished.status().unwrap_or(0) == 200 && url.contains("/import/imp_") {
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_href(&url);
            }
        } else {
            progress.percent.set(None);
            progress.failed.set(true);
        }
    });
    request.set_onloadend(Some(on_done.as_ref().unchecked_ref()));
    // The request owns its handlers from here; one pair per upload.
    on_progress.forget();
    on_done.forget();
    progress.failed.set(false);
    progress.percent.set(Some(0));
    request.send_with_opt_form_data(Some(&data)).is_ok()
}
