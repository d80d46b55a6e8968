"""Upgrade safety: what `-u` of the freight modules must leave as it was.

`make test` step 2 runs it around the upgrade a second `make run` does:

    upgrade_snapshot.py -c CONF -d DB before OUT.json --edits EDITS.json
        plays an administrator on a live database first (edits records the
        modules load with noupdate="1", takes sequence numbers, adds a user
        to a group, changes the settings and an exchange rate, creates a
        customer, a rate and a quotation), commits,
        then writes the snapshot; EDITS.json says how to undo all that;
    upgrade_snapshot.py -c CONF -d DB after OUT.json --before BEFORE.json \
            --edits EDITS.json
        writes the snapshot again, prints every difference, undoes the
        edits (the database goes on to pytest as it was installed) and
        exits 1 when anything differs;
    upgrade_snapshot.py --compare BEFORE.json AFTER.json
        only compares two snapshots.

A snapshot holds, for every stored `freight.*` model, res.partner, crm.lead,
crm.team.member, res.company (the freight settings), and every model the
freight modules load records of (ir.sequence, ir.cron, mail.template,
ir.rule, res.groups, crm.lost.reason, mail.activity.type, res.currency.rate,
views, actions, menus, ...): the number of rows, and for a fixed sample (the
20 lowest ids of the freight, partner, lead, member and company tables,
every record with an xml id of the freight modules, every record the
administrator touched) the value of every stored field: translations as
their JSON (every language), many2many as sorted ids, binaries as a hash,
ir.sequence with its next number. create_date, write_date and ir.ui.view's
arch_prev (-u sets it) are left out. It also holds every xml id of the
freight modules with its record and its noupdate flag.

Only what Odoo promises to keep is edited: records loaded with noupdate="1"
and user data. Odoo reloads the other records of a module's XML on `-u`, by
design.
"""

import argparse
import hashlib
import json
import sys
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

STARTED = time.monotonic()

MODULES = (
    "freight_crm",
    "freight_rates",
    "freight_quotation",
    "freight_inquiry",
    "freight_booking",
)
CORE_MODELS = ("res.partner", "crm.lead", "crm.team.member", "res.company")
SAMPLE_SIZE = 20
SKIPPED_FIELDS = {"create_date", "write_date", "__last_update"}
# Per model: what Odoo itself rewrites at every -u.
SKIPPED_MODEL_FIELDS = {
    # The arch before the last update, kept to show a diff: -u sets it.
    "ir.ui.view": {"arch_prev"},
}
# Metadata Odoo rebuilds from the code at every -u: not data.
SKIPPED_MODELS = {
    "ir.model",
    "ir.model.fields",
    "ir.model.fields.selection",
    "ir.model.constraint",
    "ir.model.relation",
    "ir.module.module",
    "ir.module.category",
}
# Computed, not stored, yet what an administrator sees and sets.
EXTRA_FIELDS = {
    "ir.sequence": ("number_next_actual",),
    "ir.sequence.date_range": ("number_next_actual",),
}
MARK = " (edited by an administrator)"


def plain(value):
    """A JSON-able value that compares equal only to the same value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return "sha1:" + hashlib.sha1(bytes(value)).hexdigest()
    return value


def our_xmlids(cr):
    cr.execute(
        """SELECT module, name, model, res_id, noupdate FROM ir_model_data
            WHERE module IN %s ORDER BY module, name""",
        [MODULES],
    )
    return cr.fetchall()


def installed_modules(cr):
    cr.execute(
        "SELECT name FROM ir_module_module WHERE state = 'installed' AND name IN %s",
        [MODULES],
    )
    return {name for (name,) in cr.fetchall()}


def record_keys(cr, model, ids):
    """id -> xml id (one of the freight modules' first, else any), or id=N."""
    cr.execute(
        """SELECT res_id, module || '.' || name FROM ir_model_data
            WHERE model = %s AND res_id = ANY(%s)
            ORDER BY module NOT IN %s, module, name""",
        [model, list(ids), MODULES],
    )
    keys = {}
    for res_id, xmlid in cr.fetchall():
        keys.setdefault(res_id, xmlid)
    return {rid: keys.get(rid, f"id={rid}") for rid in ids}


def sampled_models(env):
    """The freight tables and the partner/lead/member ones: first ids too."""
    return {
        name
        for name, model in env.registry.items()
        if name.startswith("freight.")
        and not model._abstract
        and not model._transient
        and model._auto
    } | set(CORE_MODELS)


def sample_ids(env, xmlids, extra_ids):
    """model -> ids to sample: xml ids of the freight modules, what the
    administrator touched, the date ranges of the freight sequences."""
    by_model = {}
    for _module, _name, model, res_id, _noupdate in xmlids:
        by_model.setdefault(model, set()).add(res_id)
    for model, ids in extra_ids.items():
        by_model.setdefault(model, set()).update(ids)
    seq_ids = by_model.get("ir.sequence", set())
    if seq_ids:
        env.cr.execute(
            "SELECT id FROM ir_sequence_date_range WHERE sequence_id = ANY(%s)",
            [list(seq_ids)],
        )
        by_model.setdefault("ir.sequence.date_range", set()).update(
            rid for (rid,) in env.cr.fetchall()
        )
    return by_model


def existing_ids(cr, table, ids, first):
    """The ids among ids still in table, and the first ones of the table."""
    ids = set(ids)
    if first:
        cr.execute(
            f'SELECT id FROM "{table}" ORDER BY id LIMIT %s',  # noqa: S608
            [SAMPLE_SIZE],
        )
        ids.update(rid for (rid,) in cr.fetchall())
    cr.execute(f'SELECT id FROM "{table}" WHERE id = ANY(%s)', [list(ids)])  # noqa: S608
    return sorted(rid for (rid,) in cr.fetchall())


def column_values(cr, model, ids, columns, values):
    cols = ", ".join(f'"{c}"' for c in columns)
    cr.execute(
        f'SELECT {cols} FROM "{model._table}" WHERE id = ANY(%s)',  # noqa: S608
        [ids],
    )
    for row in cr.fetchall():
        record = dict(zip(columns, map(plain, row), strict=True))
        values[record["id"]].update(record)


def relation_values(cr, model, ids, fnames, values):
    """Many2many as sorted ids, binaries in attachments as their checksum."""
    for fname in fnames:
        field = model._fields[fname]
        if field.type == "many2many":
            cr.execute(
                f'SELECT "{field.column1}", "{field.column2}" '  # noqa: S608
                f'FROM "{field.relation}" WHERE "{field.column1}" = ANY(%s)',
                [ids],
            )
            linked = {rid: [] for rid in ids}
            for rid, other in cr.fetchall():
                linked[rid].append(other)
            for rid in ids:
                values[rid][fname] = sorted(linked[rid])
        else:
            cr.execute(
                """SELECT res_id, checksum FROM ir_attachment
                    WHERE res_model = %s AND res_field = %s AND res_id = ANY(%s)""",
                [model._name, fname, ids],
            )
            checksums = dict(cr.fetchall())
            for rid in ids:
                values[rid][fname] = checksums.get(rid)


def model_snapshot(env, model_name, ids, first):
    cr = env.cr
    model = env[model_name].with_context(active_test=False)
    cr.execute(f'SELECT count(*) FROM "{model._table}"')  # noqa: S608
    count = cr.fetchone()[0]
    ids = existing_ids(cr, model._table, ids, first)
    skipped = SKIPPED_FIELDS | SKIPPED_MODEL_FIELDS.get(model_name, set())
    stored = [
        (fname, field)
        for fname, field in model._fields.items()
        if field.store and fname not in skipped
    ]
    columns = [fname for fname, field in stored if field.column_type]
    relations = [
        fname
        for fname, field in stored
        if field.type == "many2many" or (field.type == "binary" and field.attachment)
    ]
    extra = EXTRA_FIELDS.get(model_name, ())
    values = {rid: {} for rid in ids}
    if ids:
        column_values(cr, model, ids, columns, values)
        relation_values(cr, model, ids, relations, values)
        for record in model.browse(ids):
            for fname in extra:
                values[record.id][fname] = record[fname]
    keys = record_keys(cr, model_name, ids)
    return {
        "count": count,
        "fields": len(columns) + len(relations) + len(extra),
        "records": {keys[rid]: values[rid] for rid in ids},
    }


def snapshot(env, extra_ids=None):
    """The counts and sampled values, as a JSON-able dict."""
    xmlids = our_xmlids(env.cr)
    by_model = sample_ids(env, xmlids, extra_ids or {})
    first = sampled_models(env)
    result = {
        "models": {},
        "xmlids": {
            f"{module}.{name}": [model, res_id, bool(noupdate)]
            for module, name, model, res_id, noupdate in xmlids
        },
    }
    for model_name in sorted((first | set(by_model)) - SKIPPED_MODELS):
        if model_name in env.registry:
            result["models"][model_name] = model_snapshot(
                env, model_name, by_model.get(model_name, ()), model_name in first
            )
    return result


def differences(before, after):
    """(model, record, field, before, after) for everything that differs."""
    found = []
    for xmlid in sorted(set(before["xmlids"]) | set(after["xmlids"])):
        old, new = before["xmlids"].get(xmlid), after["xmlids"].get(xmlid)
        if old != new:
            found.append(("ir.model.data", xmlid, "model, res_id, noupdate", old, new))
    models_before, models_after = before["models"], after["models"]
    for model in sorted(set(models_before) | set(models_after)):
        old, new = models_before.get(model), models_after.get(model)
        if old is None or new is None:
            found.append((model, "-", "<model>", bool(old), bool(new)))
            continue
        if old["count"] != new["count"]:
            found.append((model, "-", "<count>", old["count"], new["count"]))
        for key in sorted(set(old["records"]) | set(new["records"])):
            rec_old, rec_new = old["records"].get(key), new["records"].get(key)
            if rec_old is None or rec_new is None:
                found.append(
                    (model, key, "<record>", rec_old is not None, rec_new is not None)
                )
                continue
            for fname in sorted(set(rec_old) | set(rec_new)):
                if rec_old.get(fname, "<missing>") != rec_new.get(fname, "<missing>"):
                    found.append(
                        (
                            model,
                            key,
                            fname,
                            rec_old.get(fname, "<missing>"),
                            rec_new.get(fname, "<missing>"),
                        )
                    )
    return found


def short(value, size=300):
    text = repr(value)
    return text if len(text) <= size else text[:size] + f"... ({len(text)} chars)"


def report(before, after, out=sys.stdout):
    found = differences(before, after)
    for model, key, fname, old, new in found:
        out.write(f"  {model} {key} {fname}: {short(old)} -> {short(new)}\n")
    return found


def totals(snap):
    models = snap["models"].values()
    return (
        len(snap["models"]),
        sum(len(m["records"]) for m in models),
        sum(len(m["records"]) * m["fields"] for m in models),
    )


# --- the administrator ---------------------------------------------------


class Edits:
    """Edits made on the database, and how to undo them."""

    def __init__(self, env):
        self.env = env
        self.undo = []  # [kind, model, id, payload]
        self.touched = {}  # model -> ids, sampled whatever their id

    def _touch(self, record):
        self.touched.setdefault(record._name, set()).update(record.ids)

    def write(self, record, vals):
        """Write vals as a user would; undo restores the raw columns."""
        if not record:
            return
        record = record.with_context(lang="en_US", tracking_disable=True)
        record.ensure_one()
        old = {}
        for fname in [*vals, "write_uid", "write_date"]:
            field = record._fields[fname]
            if field.type == "many2many":
                old[fname] = ["m2m", record[fname].ids]
            elif field.store and field.column_type:
                self.env.cr.execute(
                    f'SELECT "{fname}" FROM "{record._table}" WHERE id = %s',  # noqa: S608
                    [record.id],
                )
                old[fname] = ["column", self.env.cr.fetchone()[0]]
        self.env.flush_all()
        record.write(vals)
        self._touch(record)
        self.undo.append(["write", record._name, record.id, old])

    def create(self, record):
        """A record the user made: unlinked by undo."""
        self._touch(record)
        self.undo.append(["unlink", record._name, record.id, None])
        return record

    def ref(self, xmlid):
        return self.env.ref(xmlid, raise_if_not_found=False)

    def ours(self, model, module):
        """The first record of model the module loads."""
        data = self.env["ir.model.data"].search(
            [("module", "=", module), ("model", "=", model)], order="name", limit=1
        )
        return self.env[model].browse(data.res_id).exists()


def edit_module_data(edits, module):
    """The cron, template, activity type and record rule a module loads."""
    cron = edits.ours("ir.cron", module)
    if cron:
        edits.write(cron, {"interval_number": cron.interval_number + 1})
    template = edits.ours("mail.template", module)
    if template:
        edits.write(template, {"subject": (template.subject or "") + MARK})
    activity_type = edits.ours("mail.activity.type", module)
    if activity_type:
        edits.write(activity_type, {"delay_count": activity_type.delay_count + 2})
    rule = edits.ours("ir.rule", module)
    if rule:
        # The same records, written another way.
        edits.write(
            rule, {"domain_force": f"['&', (1, '=', 1)] + ({rule.domain_force})"}
        )


def edit_crm(edits):
    env = edits.env
    # A salesperson also prices.
    group = edits.ref("freight_crm.group_freight_pricing")
    user = env["res.users"].search([("login", "=", "tung.sales")], limit=1)
    if group and user:
        edits.write(user, {"groups_id": [(4, group.id)]})
        edits.touched.setdefault("res.groups", set()).add(group.id)
    classification = edits.ours("freight.classification", "freight_crm")
    edits.write(
        classification,
        {"name": classification.name + MARK, "sequence": classification.sequence + 100},
    )
    for model in ("freight.port", "freight.container.type", "freight.charge.type"):
        record = edits.ours(model, "freight_crm")
        edits.write(record, {"name": record.name + MARK})
    # Settings: the days before a customer counts as neglected.
    company = env.ref("base.main_company")
    edits.write(company, {"freight_neglect_days": company.freight_neglect_days + 5})
    carrier = edits.ref("freight_crm.carrier_air_france")
    if carrier:
        edits.write(carrier, {"phone": "+33 1 00 00 00 00", "comment": "Đại lý mới"})
    # User data: a customer.
    return edits.create(
        env["res.partner"].create(
            {
                "name": "Công ty TNHH Kiểm Thử Nâng Cấp",
                "is_company": True,
                "email": "upgrade@example.com",
                "phone": "+84 28 3822 0000",
                "freight_ownership_id": edits.ref(
                    "freight_crm.classification_ownership_private_enterprise"
                ).id,
            }
        )
    )


def edit_quotation(edits, customer):
    reason = edits.ours("crm.lost.reason", "freight_quotation")
    edits.write(reason, {"name": reason.name + MARK})
    rule = edits.ours("freight.quotation.margin.rule", "freight_quotation")
    edits.write(rule, {"min_margin_percent": rule.min_margin_percent + 1})
    template = edits.ours("freight.quotation.template", "freight_quotation")
    edits.write(template, {"name": template.name + MARK})
    # User data: a quotation.
    quotation = edits.env["freight.quotation"].search([], order="id", limit=1)
    if quotation:
        edits.create(quotation.copy({"partner_id": customer.id}))


def edit_inquiry(edits):
    reason = edits.ours("freight.inquiry.reject.reason", "freight_inquiry")
    edits.write(reason, {"name": reason.name + MARK})
    sla = edits.ours("freight.inquiry.sla", "freight_inquiry")
    edits.write(sla, {"hours": sla.hours + 1})


def edit_booking(edits):
    reason = edits.ours("freight.booking.reject.reason", "freight_booking")
    edits.write(reason, {"name": reason.name + MARK})
    item = edits.ref("freight_booking.checklist_sea_parties")
    edits.write(item, {"name": item.name + MARK})
    # A new head of sea operations, who also works in it.
    manager = edits.env["res.users"].search([("login", "=", "bao.ops")], limit=1)
    edits.write(
        edits.ref("freight_booking.department_sea"),
        {"user_id": manager.id, "member_ids": [(4, manager.id)]},
    )


def sequence_state(env):
    """The sequences of the freight modules, their numbers as they are."""
    sequences = (
        env["ir.sequence"]
        .browse(
            env["ir.model.data"]
            .search([("module", "in", MODULES), ("model", "=", "ir.sequence")])
            .mapped("res_id")
        )
        .exists()
    )
    numbers = {
        f"{record._name},{record.id}": [
            record.number_next_actual,
            record.number_next,
            record.write_uid.id,
            record.write_date,
        ]
        for record in [*sequences, *sequences.date_range_ids]
    }
    return sequences, numbers


def simulate_admin(env):
    """What an administrator does on a live database between two upgrades."""
    edits = Edits(env)
    installed = installed_modules(env.cr)
    # Every sequence number goes back as it was for the tests after.
    sequences, numbers = sequence_state(env)
    date_ranges = sequences.date_range_ids.ids
    for module in sorted(installed):
        edit_module_data(edits, module)
    customer = edit_crm(edits)
    # Numbers taken by the documents, one sequence restarted by hand.
    for sequence in sequences:
        for _i in range(3):
            sequence._next()
    if sequences:
        edits.write(sequences[:1], {"number_next_actual": 500})
    if "freight_rates" in installed:
        # User data: a rate; the settings; today's exchange rate.
        rate = env["freight.rate"].search([], order="id", limit=1)
        edits.create(rate.copy())
        company = env.ref("base.main_company")
        days = company.freight_rate_expiry_notice_days
        edits.write(company, {"freight_rate_expiry_notice_days": days + 2})
        currency_rate = edits.ours("res.currency.rate", "freight_rates")
        if currency_rate:
            edits.write(currency_rate, {"rate": currency_rate.rate * 1.01})
    if "freight_quotation" in installed:
        edit_quotation(edits, customer)
    if "freight_inquiry" in installed:
        edit_inquiry(edits)
    if "freight_booking" in installed:
        edit_booking(edits)
    env.flush_all()
    return {
        "undo": edits.undo,
        "numbers": numbers,
        "date_ranges": [sequences.ids, date_ranges],
        "touched": {m: sorted(ids) for m, ids in edits.touched.items()},
    }


def undo_admin(env, edits):
    """Put the database back as it was installed, for the tests after."""
    for kind, model, rid, payload in reversed(edits["undo"]):
        record = env[model].browse(rid).exists()
        if not record:
            continue
        if kind == "unlink":
            if model == "freight.quotation":
                # Unlinking a quotation with its options at once fails
                # (MissingError on an option's amounts): lines and options
                # first.
                record.line_ids.unlink()
                record.option_ids.unlink()
            record.unlink()
            continue
        env.flush_all()
        columns = {}
        for fname, (how, value) in payload.items():
            if how == "m2m":
                record.write({fname: [(6, 0, value)]})
            else:
                columns[fname] = value
        env.flush_all()
        for fname, value in columns.items():
            if isinstance(value, dict | list):
                value = json.dumps(value)
            env.cr.execute(
                f'UPDATE "{record._table}" SET "{fname}" = %s WHERE id = %s',  # noqa: S608
                [value, rid],
            )
        env.invalidate_all()
        # What is computed from the columns put back (phone_sanitized...).
        record.modified([f for f in columns if f not in ("write_uid", "write_date")])
        env.flush_all()
    sequence_ids, date_ranges = edits["date_ranges"]
    env["ir.sequence.date_range"].search(
        [("sequence_id", "in", sequence_ids), ("id", "not in", date_ranges)]
    ).unlink()
    for key, (number, column, write_uid, write_date) in edits["numbers"].items():
        model, rid = key.split(",")
        record = env[model].browse(int(rid)).exists()
        if record:
            record.number_next_actual = number
            env.flush_all()
            env.cr.execute(
                f"""UPDATE "{record._table}"
                       SET number_next = %s, write_uid = %s, write_date = %s
                     WHERE id = %s""",  # noqa: S608
                [column, write_uid, write_date, record.id],
            )
    env.invalidate_all()
    env.registry.clear_cache()


def open_env(conf, db):
    import odoo
    from odoo.tools import config

    config.parse_config(
        ["-c", conf, "-d", db, "--no-http", "--log-level=warn"], setup_logging=True
    )
    registry = odoo.modules.registry.Registry(db)
    return registry


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-c", "--config")
    parser.add_argument("-d", "--database")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("step", nargs="?", choices=("before", "after"))
    parser.add_argument("out", nargs="?", help="where to write the snapshot")
    parser.add_argument("--before", help="after: the snapshot to compare with")
    parser.add_argument("--edits", help="the administrator's edits and their undo")
    args = parser.parse_args()

    if args.compare:
        snaps = [json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare]
        found = report(*snaps)
        print(f"{len(found)} difference(s)")
        return 1 if found else 0
    if not (args.step and args.out and args.config and args.database):
        parser.error("give -c, -d, a step and a file, or --compare")

    import odoo

    registry = open_env(args.config, args.database)
    started = time.monotonic()
    status = 0
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        edits = None
        if args.step == "before" and args.edits:
            edits = simulate_admin(env)
            cr.commit()
            with open(args.edits, "w", encoding="utf-8") as fh:
                json.dump(edits, fh, indent=1, default=plain)
        elif args.edits:
            with open(args.edits, encoding="utf-8") as fh:
                edits = json.load(fh)
        touched = {m: set(ids) for m, ids in (edits or {}).get("touched", {}).items()}
        snap_started = time.monotonic()
        snap = snapshot(env, touched)
        snap_time = time.monotonic() - snap_started
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(snap, fh, indent=1, sort_keys=True, default=plain)
        models, records, values = totals(snap)
        print(
            f"upgrade snapshot ({args.step}): {models} models, {records} records, "
            f"{values} field values in {snap_time:.1f} s"
        )
        if args.step == "after" and args.before:
            with open(args.before, encoding="utf-8") as fh:
                before = json.load(fh)
            # What the snapshot wrote and read back, the same way.
            after = json.loads(json.dumps(snap, default=plain))
            found = differences(before, after)
            if found:
                print("data changed by the upgrade:")
                report(before, after)
            print(f"{len(found)} difference(s) after the upgrade")
            status = 1 if found else 0
        if args.step == "after" and edits:
            undo_admin(env, edits)
            cr.commit()
    print(
        f"upgrade snapshot ({args.step}) done in {time.monotonic() - started:.1f} s"
        f" ({time.monotonic() - STARTED:.1f} s with Odoo's start)"
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
