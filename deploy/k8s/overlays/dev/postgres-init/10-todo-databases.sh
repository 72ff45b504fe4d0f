#!/bin/bash
# Runs once, when PostgreSQL's data directory is empty (the official image's
# /docker-entrypoint-initdb.d convention): one login role and one database per
# service, as in production, so each service reaches only its own data.
# The passwords come from the environment: TODO_AUTH_DB_PASSWORD and
# TODO_TASKS_DB_PASSWORD (Kubernetes: the todo-postgres Secret; compose:
# deploy/compose/.env). Used by deploy/k8s/overlays/dev and deploy/compose.
set -euo pipefail

: "${TODO_AUTH_DB_PASSWORD:?must be set}" "${TODO_TASKS_DB_PASSWORD:?must be set}"

# psql's :'name' quotes the value as an SQL literal, whatever it holds.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v auth_password="$TODO_AUTH_DB_PASSWORD" -v task_password="$TODO_TASKS_DB_PASSWORD" <<'SQL'
CREATE ROLE todo_auth LOGIN PASSWORD :'auth_password';
CREATE DATABASE todo_auth OWNER todo_auth;
REVOKE CONNECT, TEMPORARY ON DATABASE todo_auth FROM PUBLIC;
CREATE ROLE todo_tasks LOGIN PASSWORD :'task_password';
CREATE DATABASE todo_tasks OWNER todo_tasks;
REVOKE CONNECT, TEMPORARY ON DATABASE todo_tasks FROM PUBLIC;
SQL
