use std::net::SocketAddr;
use std::path::Path;

use anyhow::bail;
use axum::serve::ListenerExt;

use crate::config::Config;
use crate::router;

pub async fn serve(config: Config, addr: Option<SocketAddr>) -> anyhow::Result<()> {
    let addr = addr.unwrap_or(config.addr);
    let db = super::connect(&config).await?;
    if config.production && app::services::demo::demo_accounts_present(&db).await? {
        bail!("MALBILD_ENV=production, but demo accounts (*.example) exist: remove them before serving");
    }
    let site = router::site(&config.site_root, addr);
    let bundle = Path::new(&config.site_root).join(format!("pkg/{}.js", site.options.output_name));
    if !bundle.exists() {
        tracing::warn!(
            "{} is missing: pages will render but not hydrate; run scripts/build.sh",
            bundle.display()
        );
    }
    let state = router::app_state(db, site, config.settings());
    let app = router::build(state);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("Målbild listening on http://{}", listener.local_addr()?);
    // Without TCP_NODELAY a response written as headers then body waits for the client's
    // delayed ACK (~40 ms) on a kept-alive connection.
    let listener = listener.tap_io(|tcp| {
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::debug!("cannot set TCP_NODELAY: {err}");
        }
    });
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
}
