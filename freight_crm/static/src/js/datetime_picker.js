/** @odoo-module **/
// Copyright 2026 Freight CRM contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { DateTimePicker } from "@web/core/datetime/datetime_picker";

const { Settings } = luxon;
const defaultProps = DateTimePicker.defaultProps;

// Vietnamese short weekday names are two words ("Thứ 2" ... "Thứ 7") that the
// picker's columns cannot hold: run together on a phone, cut in a dialog.
// Vietnamese calendars print the narrow ones, "T2" ... "T7", "CN".
DateTimePicker.defaultProps = {
    ...defaultProps,
    get daysOfWeekFormat() {
        return (Settings.defaultLocale || "").startsWith("vi")
            ? "narrow"
            : defaultProps.daysOfWeekFormat;
    },
};
