"""Parameter files (``params/<tahun>.yml``) parsed into a strict, immutable settings object.

A typo is an error, never a silent default: unknown keys, wrong types, unknown choices and
duplicate keys are reported with the file and the key (and the closest known key). Example::

    pemda:
      nama: Pemerintah Provinsi Bengkulu
    tahun: 2024
    data:
      - data/contoh-kecil/kinerja.csv
    aturan:                       # every key optional; defaults: docs/metodologi.md
      rumus_negatif: selisih      # selisih (2 − R/T) | rasio (T/R)
      lantai: 0                   # lowest indicator capaian; null = no floor
      batas_atas: null            # cap applied only in averages, e.g. 120; null = none
      agregasi_opd: bertingkat    # bertingkat | rata_rata | bobot
      agregasi_pemda: rata_opd    # rata_opd | rata_rata
      skala_predikat: lima-tingkat  # lima-tingkat | enam-tingkat | sakip | a custom scale
      batas_atas_indikator: null  # cap on every indicator capaian, e.g. 100; null = none
      pembulatan_sebelum_rata: null  # decimals indicator capaian are rounded to before averaging
    opd: semua                    # or a list of kode_opd
    reviu:                        # thresholds of the reviu flags (kinerja.core.reviu); every key optional
      capaian_atas: 150           # an indicator capaian above this is extreme
      capaian_bawah: 50           # ... and below this
      batas_gagal: 76             # below this an indicator counts as failed (dropped after failing)
      lonjakan: 10                # a target ×/÷ more than this from last year is a jump
      minimal_sama_target: 2      # fewest indicators for "every realisasi equals its target"
    kepala_daerah:                # PIHAK KEDUA of the Perjanjian Kinerja (kinerja pk)
      nama: Nama Kepala Daerah
      jabatan: Gubernur Bengkulu
    pk:                           # place and date above the signatures
      tempat: Bengkulu
      tanggal: 2025-02-11

A custom scale is a mapping ``{nama, judul, sumber, tingkat: [{predikat, batas_bawah,
termasuk_batas, warna}, ...]}`` with the highest level first and no ``batas_bawah`` on the last.
"""

from __future__ import annotations

import copy
import datetime
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kinerja.support import pesan
from kinerja.core.predikat import Scale, builtin_scale, builtin_scale_names
from kinerja.core.reviu import ReviuSettings, ReviuSettingsError
from kinerja.core.rules import Rules, RulesError
from kinerja.inputs.readers import DESIMAL

TOP_KEYS = ("pemda", "tahun", "data", "desimal", "sintetis", "aturan", "opd", "kepala_daerah", "pk", "reviu")
#: How numbers typed as text are read (see :mod:`kinerja.inputs.readers`).
#: The keys of the ``pemda:`` section (not the grouping columns of kinerja.core.aggregate).
PEMDA_FIELDS = ("nama", "kode")
#: The kepala daerah, PIHAK KEDUA of every Perjanjian Kinerja (``kinerja pk``).
KEPALA_DAERAH_KEYS = ("nama", "jabatan")
#: Where and when the Perjanjian Kinerja documents are signed.
PK_KEYS = ("tempat", "tanggal")
SCALE_KEYS = ("nama", "judul", "sumber", "tingkat")
LEVEL_KEYS = ("predikat", "batas_bawah", "termasuk_batas", "warna")


class ParamsError(ValueError):
    """A parameter file that cannot be trusted; the message names the file and the key."""


@dataclass(frozen=True)
class Params:
    """The settings of one run.

    Attributes:
        rules: the scoring rules.
        tahun: the fiscal year the file is for (None when not given).
        pemda_nama, pemda_kode: the pemda the data is about.
        data: input paths, relative to the working directory.
        opd: the ``kode_opd`` to include, or None for all.
        desimal: how numbers typed as text are read: ``otomatis``, ``koma`` (1.234,5) or ``titik``.
        sintetis: the data is synthetic example data (every published page says so).
        sumber: the file the settings came from ("" for defaults).
        reviu: the thresholds of the reviu flags (section ``reviu:``).
        kepala_daerah_nama, kepala_daerah_jabatan: PIHAK KEDUA of the Perjanjian Kinerja.
        pk_tempat: place of signature of the PK documents ("" when not given).
        pk_tanggal: date of signature (a ``datetime.date``), None when not given.
    """

    rules: Rules = field(default_factory=Rules)
    tahun: int | None = None
    pemda_nama: str = ""
    pemda_kode: str | None = None
    data: tuple[str, ...] = ()
    opd: tuple[str, ...] | None = None
    desimal: str = "otomatis"
    sintetis: bool = False
    sumber: str = ""
    reviu: ReviuSettings = field(default_factory=ReviuSettings)
    kepala_daerah_nama: str = ""
    kepala_daerah_jabatan: str = ""
    pk_tempat: str = ""
    pk_tanggal: datetime.date | None = None


def load_params(path: str | Path, overrides: Sequence[str] = ()) -> Params:
    """Read and check a params YAML file; raise :class:`ParamsError` with a message in Indonesian.

    ``overrides`` are ``key=value`` settings that replace the file's for this run (``kinerja run
    -p``), checked as strictly as the file: see :func:`apply_overrides`.
    """
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ParamsError(pesan.PARAMS_TIDAK_ADA.format(berkas=source)) from None
    except (IsADirectoryError, UnicodeDecodeError, PermissionError) as error:
        raise ParamsError(pesan.PARAMS_TIDAK_TERBACA.format(berkas=source, rincian=error)) from None
    try:
        mapping = yaml.load(text, Loader=_StrictLoader)
    except yaml.YAMLError as error:
        raise ParamsError(pesan.PARAMS_YAML_RUSAK.format(berkas=source, rincian=_yaml_problem(error))) from None
    mapping = mapping if mapping is not None else {}
    if overrides:
        mapping = apply_overrides(mapping, overrides, source)
        source = pesan.PARAMS_SUMBER_UBAH.format(berkas=source, ubah=", ".join(overrides))
    return parse_params(mapping, source)


def apply_overrides(mapping: Any, overrides: Sequence[str], source: str = "params") -> dict:
    """A copy of a parsed params mapping with ``key=value`` overrides applied.

    Keys are dotted paths: ``tahun``, ``data``, ``opd``, ``pemda.nama``, ``pemda.kode`` and
    ``aturan.<setting>``, ``reviu.<threshold>``. Values of ``pemda.*`` are taken as text as written; ``data`` and ``opd``
    take a comma-separated list, kept as text (OPD code ``007`` stays ``007``; ``opd=semua`` means
    all); ``tahun`` and ``aturan.*``, ``reviu.*`` are read as YAML scalars (``120``, ``null``, ``rasio``). The
    result still goes through :func:`parse_params`, so a wrong value is reported like one in the file.
    """
    result = copy.deepcopy(mapping) if isinstance(mapping, dict) else mapping
    for item in overrides:
        where = _KeyPlace(pesan.PARAMS_SUMBER_UBAH.format(berkas=source, ubah=item))
        key, sign, text = item.partition("=")
        key = key.strip()
        if not sign or not key:
            raise ParamsError(pesan.PARAMS_UBAH_BENTUK.format(ubah=item))
        top, _, rest = key.partition(".")
        where.mapping({top: None}, "", TOP_KEYS)
        if not isinstance(result, dict):
            where.fail("", pesan.PARAMS_BUKAN_PEMETAAN, result)
        if top in ("pemda", "aturan", "reviu"):
            allowed = {"pemda": PEMDA_FIELDS, "aturan": tuple(Rules.names()), "reviu": tuple(ReviuSettings.names())}[top]
            if not rest:
                where.fail(key, pesan.PARAMS_UBAH_KUNCI_BAGIAN.format(contoh=f"{top}.{allowed[0]}"), None)
            where.mapping({rest: None}, top, allowed)
            section = result.setdefault(top, {})
            if not isinstance(section, dict):
                where.fail(top, pesan.PARAMS_BUKAN_PEMETAAN, section)
            section[rest] = text if top == "pemda" else _scalar(text, where, key)
            continue
        if rest:
            where.fail(key, pesan.PARAMS_UBAH_TIDAK_BERTINGKAT.format(kunci=top), None)
        if top in ("data", "opd"):
            items = [part.strip() for part in text.split(",") if part.strip()]
            result[top] = "semua" if top == "opd" and items == ["semua"] else items
        else:
            result[top] = _scalar(text, where, key)
    return result


def _scalar(text: str, where: _KeyPlace, key: str) -> Any:
    try:
        value = yaml.load(text, Loader=_StrictLoader) if text.strip() else None
    except yaml.YAMLError as error:
        where.fail(key, _yaml_problem(error), text)
    if isinstance(value, (dict, list)):
        where.fail(key, pesan.PARAMS_UBAH_SKALAR, text)
    return value


def parse_params(mapping: Any, source: str = "params") -> Params:
    """Check a parsed params mapping (see the module docstring for its keys)."""
    where = _KeyPlace(source)
    top = where.mapping(mapping, "", TOP_KEYS)
    pemda = where.mapping(top.get("pemda", {}), "pemda", PEMDA_FIELDS)
    tahun = top.get("tahun")
    if tahun is not None and (isinstance(tahun, bool) or not isinstance(tahun, int) or not 1900 <= tahun <= 2200):
        where.fail("tahun", pesan.PARAMS_TAHUN, tahun)
    data = top.get("data", [])
    if isinstance(data, str):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, str) and item for item in data):
        where.fail("data", pesan.PARAMS_DAFTAR_TEKS, data)
    opd = top.get("opd", "semua")
    if opd == "semua" or opd is None:
        opd = None
    elif isinstance(opd, list) and opd and all(isinstance(item, (str, int)) and not isinstance(item, bool) for item in opd):
        opd = tuple(str(item) for item in opd)
    else:
        where.fail("opd", pesan.PARAMS_OPD, opd)
    desimal = top.get("desimal", "otomatis")
    if desimal not in DESIMAL:
        where.fail("desimal", pesan.PARAMS_DESIMAL, desimal)
    sintetis = top.get("sintetis", False)
    if not isinstance(sintetis, bool):
        where.fail("sintetis", pesan.PARAMS_SINTETIS, sintetis)
    kepala = where.mapping(top.get("kepala_daerah", {}) or {}, "kepala_daerah", KEPALA_DAERAH_KEYS)
    pk = where.mapping(top.get("pk", {}) or {}, "pk", PK_KEYS)
    tanggal = pk.get("tanggal")
    if isinstance(tanggal, str):
        try:
            tanggal = datetime.date.fromisoformat(tanggal.strip())
        except ValueError:
            where.fail("pk.tanggal", pesan.PARAMS_TANGGAL, tanggal)
    if tanggal is not None and (isinstance(tanggal, datetime.datetime) or not isinstance(tanggal, datetime.date)):
        where.fail("pk.tanggal", pesan.PARAMS_TANGGAL, tanggal)
    return Params(
        kepala_daerah_nama=where.text(kepala, "kepala_daerah.nama", "nama", ""),
        kepala_daerah_jabatan=where.text(kepala, "kepala_daerah.jabatan", "jabatan", ""),
        pk_tempat=where.text(pk, "pk.tempat", "tempat", ""),
        pk_tanggal=tanggal,
        rules=parse_rules(top.get("aturan", {}), source),
        tahun=tahun,
        pemda_nama=where.text(pemda, "pemda.nama", "nama", ""),
        pemda_kode=where.text(pemda, "pemda.kode", "kode", None),
        data=tuple(data),
        opd=opd,
        desimal=desimal,
        sintetis=sintetis,
        sumber=source,
        reviu=parse_reviu(top.get("reviu", {}), source),
    )


def parse_reviu(mapping: Any, source: str = "params") -> ReviuSettings:
    """Reviu thresholds from the ``reviu`` mapping of a params file; missing keys take their defaults."""
    where = _KeyPlace(source)
    settings = where.mapping(mapping if mapping is not None else {}, "reviu", tuple(ReviuSettings.names()))
    try:
        return ReviuSettings(**settings)
    except ReviuSettingsError as error:
        raise ParamsError(f"{source}: {error}") from None


def parse_rules(mapping: Any, source: str = "params") -> Rules:
    """Rules from the ``aturan`` mapping of a params file; missing keys take their defaults."""
    where = _KeyPlace(source)
    rules = dict(where.mapping(mapping, "aturan", tuple(Rules.names())))
    if "skala_predikat" in rules:
        rules["skala_predikat"] = _scale(rules["skala_predikat"], where)
    try:
        return Rules(**rules)
    except RulesError as error:
        raise ParamsError(f"{source}: {error}") from None


def _scale(value: Any, where: _KeyPlace) -> Scale:
    key = "aturan.skala_predikat"
    if isinstance(value, str):
        if value not in builtin_scale_names():
            where.fail(key, pesan.PARAMS_SKALA_NAMA.format(pilihan=", ".join(builtin_scale_names())), value)
        return builtin_scale(value)
    scale = where.mapping(value, key, SCALE_KEYS)
    levels = scale.get("tingkat")
    if not isinstance(levels, list) or not levels:
        where.fail(f"{key}.tingkat", pesan.PARAMS_SKALA_TINGKAT, levels)
    records = [where.mapping(level, f"{key}.tingkat[{i + 1}]", LEVEL_KEYS) for i, level in enumerate(levels)]
    try:
        return Scale.from_records(
            nama=str(scale.get("nama", "khusus")),
            judul=str(scale.get("judul", scale.get("nama", "Skala khusus"))),
            records=records,
            sumber=str(scale.get("sumber", "")),
        )
    except (KeyError, TypeError, ValueError) as error:
        where.fail(key, str(error).strip("'"), None)


class _KeyPlace:
    """Builds :class:`ParamsError` messages that name the file and the key."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, key: str, problem: str, value: Any) -> None:
        shown = "" if value is None else pesan.PARAMS_NILAI.format(nilai=value)
        raise ParamsError(pesan.PARAMS_KUNCI.format(berkas=self.source, kunci=key or "(akar)", masalah=problem) + shown)

    def mapping(self, value: Any, key: str, allowed: tuple[str, ...]) -> dict:
        if not isinstance(value, dict):
            self.fail(key, pesan.PARAMS_BUKAN_PEMETAAN, value)
        for name in value:
            if name not in allowed:
                close = difflib.get_close_matches(str(name), allowed, n=1)
                hint = pesan.PARAMS_MAKSUD.format(usul=close[0]) if close else ""
                full = f"{key}.{name}" if key else str(name)
                self.fail(full, pesan.PARAMS_TIDAK_DIKENAL.format(dikenal=", ".join(allowed)) + hint, None)
        return value

    def text(self, mapping: dict, key: str, name: str, default: str | None) -> str | None:
        value = mapping.get(name, default)
        if value is default:
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.fail(key, pesan.PARAMS_TEKS, value)
        return str(value)


class _StrictLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses duplicate keys instead of keeping the last one."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, pesan.PARAMS_KUNCI_GANDA.format(kunci=key), key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if mark is not None:
        return pesan.PARAMS_YAML_POSISI.format(baris=mark.line + 1, kolom=mark.column + 1, masalah=problem)
    return problem
