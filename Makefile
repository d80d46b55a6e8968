# Freight CRM: the two commands are `make run` and `make test`.
# Everything heavy (Odoo source, venv, PostgreSQL clusters) lives outside the
# clone, under ~/.cache/freight-crm (and /var/lib/freight-crm as root).
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help setup run run-prod test test-core replica-check load lint bench shell master-data pot screenshots

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

setup:  ## install system packages, Odoo 18.0 and the venv (run/test do it too)
	@bash scripts/setup.sh

run:  ## serve the "freight" database on http://localhost:8069 (admin/admin)
	@bash scripts/run.sh

run-prod:  ## as run, but prefork: 2 x cores + 1 workers, /websocket on :8072, a read replica on :5436
	@FREIGHT_WORKERS=$${FREIGHT_WORKERS:-$$((2 * $$(nproc) + 1))} FREIGHT_REPLICA_PORT=$${FREIGHT_REPLICA_PORT:-5436} \
		bash scripts/run.sh

test:  ## the whole suite on a fresh database; ends with "N passed, N failed"
	@bash scripts/test.sh

test-core:  ## Odoo's own crm tests with the five modules installed; "N passed, N failed"
	@bash scripts/test_core.sh

replica-check:  ## prefork + read replica on a fresh database: the finder's SQL runs on the replica
	@bash scripts/replica_check.sh

load:  ## 50 users for 120 s on a prefork server, then one process: req/s, p95, errors, ratio
	@bash scripts/load.sh

lint:  ## ruff, pylint-odoo (OCA mandatory checks), XML well-formedness
	@bash scripts/lint.sh

bench:  ## benchmarks, as ratios against a baseline measured in the same run
	@bash scripts/bench.sh

shell:  ## an Odoo shell on the "freight" database (make shell < script.py)
	@bash scripts/shell.sh

master-data:  ## regenerate freight_crm/data from airportsdata and UN/LOCODE
	@bash -c 'source scripts/common.sh && bash scripts/setup.sh && "$$VPY" tools/gen_master_data.py'

pot:  ## regenerate every module's i18n/<module>.pot from a scratch database
	@bash scripts/i18n.sh

screenshots:  ## screenshots of the app, desktop and phone, into docs/screenshots/
	@bash scripts/screenshots.sh
