# The reverse proxy: Debian's nginx with deploy/nginx, the same template the
# local stack renders (deploy/local/run.sh), rendered at start from the
# environment by deploy/nginx/render.sh:
#   AUTH_UPSTREAM, TASK_UPSTREAM   host:port of the services   [127.0.0.1:8001, :8002]
#   PROXY_LISTEN / PROXY_PORT      where nginx listens          [8080]
#   MAX_BODY_BYTES                 body limit, as the services' [65536]
#   STATIC_ROOT                    the web app's files, served at /  [/srv/todo/www, built in]
# The API docs (/docs, /openapi.json) and the web app (/, web/) are built in:
# deploy/docker/build.sh writes them to build/docs-site and build/web first.
#
#   deploy/docker/build.sh
#   docs/site/build.sh build/docs-site && web/build.sh build/web && \
#     docker build -f deploy/docker/proxy.Dockerfile -t todo-proxy:TAG .

ARG BASE_IMAGE=docker.io/library/debian:bookworm-slim
FROM ${BASE_IMAGE}

RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends nginx gettext-base >/dev/null \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 10001 todo \
    && useradd --uid 10001 --gid todo --home-dir /nonexistent --no-create-home \
       --shell /usr/sbin/nologin todo \
    && mkdir -p /srv/todo/www

COPY deploy/nginx /etc/todo/nginx
COPY build/docs-site /srv/todo/docs
COPY build/web /srv/todo/www
COPY deploy/docker/proxy-entrypoint.sh /usr/local/bin/proxy-entrypoint
COPY deploy/docker/healthcheck.sh /usr/local/bin/healthcheck

USER 10001:10001
ENV PROXY_PORT=8080 \
    STATIC_ROOT=/srv/todo/www \
    DOCS_ROOT=/srv/todo/docs
EXPOSE 8080
# nginx itself serving a file it holds: independent of the upstreams.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD healthcheck "${PROXY_PORT:-8080}" /openapi.json 200
# nginx's graceful shutdown: finish the requests in flight, then exit.
STOPSIGNAL SIGQUIT
ENTRYPOINT ["/usr/local/bin/proxy-entrypoint"]
