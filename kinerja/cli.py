"""The ``kinerja`` command line: parse arguments, call the package, map errors to exit codes.

Exit codes: 0 success; 1 the inputs or parameters have errors, or an output folder kinerja must not
write into (nothing written); 2 wrong usage, or an internal error (one line says where its
traceback was logged, see :mod:`kinerja.support.crash`).
"""

from __future__ import annotations

import argparse
import atexit
import datetime
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from kinerja import __version__
from kinerja.support import display, imports, pesan
from kinerja.inputs.load import check, load
from kinerja.inputs.readers import DESIMAL
from kinerja.render.report import write_findings_report
from kinerja.inputs.workbook import write_template
from kinerja.core.engine import score_table
from kinerja.core.renstra import progress_to_plan
from kinerja.core.triwulan import score_triwulan
from kinerja.inputs.findings import InputError, format_findings, format_findings_table
from kinerja.render.output import FORMATS, result_files, result_names, write_csv_files
from kinerja.inputs.params import Params, ParamsError, load_params
from kinerja.inputs.project import ProjectError
from kinerja.support.reproducible import BuildTimeError, source_date_epoch
from kinerja.support.safety import OutputFolderError, check_not_input, check_output_folder

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    imports.skip_iri_grammar()  # before anything imports nbformat (papermill, nbclient, publishing)
    _speak_indonesian(argparse)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        source_date_epoch()  # a malformed SOURCE_DATE_EPOCH stops every command before it writes
        return args.command(args)
    except InputError as error:
        print(format_findings(error.findings), file=sys.stderr)
        print(str(error), file=sys.stderr)
        return EXIT_INPUT
    except (ParamsError, BuildTimeError) as error:
        print(pesan.CLI_GALAT.format(pesan=error), file=sys.stderr)
        return EXIT_INPUT
    except OSError as error:
        print(pesan.CLI_GALAT_BERKAS.format(berkas=error.filename or "", rincian=error.strerror or error), file=sys.stderr)
        return EXIT_INPUT
    except (OutputFolderError, ProjectError) as error:
        print(pesan.CLI_GALAT.format(pesan=error), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(pesan.CLI_DIHENTIKAN, file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - an internal error: one line here, the traceback in a log file
        return _internal_error(error, argv)


def entry() -> None:
    """The ``kinerja`` command (and ``python -m kinerja``): :func:`main`, then the process ends.

    Without the interpreter's own teardown: freeing every module and object one by one costs
    0,1 to 0,3 s once pandas and a year's data are in memory, after the work is done (every file
    kinerja writes is closed and moved into place before :func:`main` returns). The exit handlers
    still run (``atexit``: logging, multiprocessing, temporary folders) and the standard streams
    are flushed; while a thread that is not a daemon still runs, the usual exit waits for it.
    """
    code = main()
    if any(thread is not threading.main_thread() and not thread.daemon and thread.is_alive()
           for thread in threading.enumerate()):
        sys.exit(code)
    atexit._run_exitfuncs()  # what the usual exit runs before the teardown
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (``kinerja … | head``): nothing left to say
            pass
    os._exit(code)


def _internal_error(error: Exception, argv: Sequence[str] | None) -> int:
    """Write the traceback of an unexpected error to a log file (:mod:`kinerja.support.crash`) and say in
    one line where it is; exit code 2."""
    from kinerja.support.crash import log_folders, write_crash_log

    log = write_crash_log(error, None if argv is None else list(argv))
    if log is None:
        print(pesan.CLI_GALAT_INTERNAL_TANPA_LOG.format(jenis=type(error).__name__, rincian=error,
                                                         folder=log_folders()[0]), file=sys.stderr)
    else:
        print(pesan.CLI_GALAT_INTERNAL.format(jenis=type(error).__name__, berkas=log), file=sys.stderr)
    return EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja",
        description=pesan.CLI_DESKRIPSI,
        epilog=pesan.CLI_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"kinerja {__version__}", help=pesan.CLI_ARG_VERSI)
    commands = parser.add_subparsers(title=pesan.CLI_PERINTAH, metavar="PERINTAH")
    # one function per command: it adds its parser and handler
    for add_command in (add_init, add_score, add_validate, add_reviu, add_jejak, add_template, add_run,
                        add_publish, add_build, add_new_year, add_pk):
        add_command(commands)
    return parser


def _data_command(commands: argparse._SubParsersAction, name: str, summary: str, description: str):
    """A command that reads DATA... with ``--params`` and ``--desimal`` (score, validate)."""
    command = commands.add_parser(
        name, help=summary, description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    command.add_argument("data", nargs="+", metavar="DATA", help=pesan.CLI_ARG_DATA)
    command.add_argument("--params", metavar="BERKAS", type=Path, help=pesan.CLI_ARG_PARAMS)
    command.add_argument("--desimal", choices=list(DESIMAL), default=None, help=pesan.CLI_ARG_DESIMAL)
    return command


def add_score(commands: argparse._SubParsersAction) -> None:
    score = _data_command(commands, "score", pesan.CLI_SCORE_RINGKAS, pesan.CLI_SCORE_DESKRIPSI)
    score.add_argument("--out", metavar="FOLDER", type=Path, required=True, help=pesan.CLI_ARG_OUT)
    score.add_argument("-q", "--quiet", action="store_true", help=pesan.CLI_ARG_QUIET)
    score.add_argument("--format", choices=sorted(FORMATS), default="csv", help=pesan.CLI_ARG_FORMAT)
    score.add_argument("--triwulan", type=int, choices=(1, 2, 3, 4), metavar="N", help=pesan.CLI_ARG_TRIWULAN)
    score.set_defaults(command=run_score)


def add_validate(commands: argparse._SubParsersAction) -> None:
    validate = _data_command(commands, "validate", pesan.CLI_VALIDATE_RINGKAS, pesan.CLI_VALIDATE_DESKRIPSI)
    validate.add_argument("--report", metavar="BERKAS", type=Path, help=pesan.CLI_ARG_REPORT)
    validate.add_argument("--semua", action="store_true", help=pesan.CLI_ARG_SEMUA)
    validate.add_argument("--triwulan", type=int, choices=(1, 2, 3, 4), metavar="N", help=pesan.CLI_ARG_TRIWULAN_VALIDASI)
    validate.set_defaults(command=run_validate)


def add_reviu(commands: argparse._SubParsersAction) -> None:
    reviu = _data_command(commands, "reviu", pesan.CLI_REVIU_RINGKAS, pesan.CLI_REVIU_DESKRIPSI)
    reviu.add_argument("--tahun", type=int, default=None, metavar="TAHUN", help=pesan.CLI_ARG_TAHUN_REVIU)
    reviu.add_argument("--report", metavar="BERKAS", type=Path, help=pesan.CLI_ARG_REPORT_REVIU)
    reviu.set_defaults(command=run_reviu)


def add_jejak(commands: argparse._SubParsersAction) -> None:
    jejak = _data_command(commands, "jejak", pesan.CLI_JEJAK_RINGKAS, pesan.CLI_JEJAK_DESKRIPSI)
    jejak.add_argument("--tahun", type=int, default=None, metavar="TAHUN", help=pesan.CLI_ARG_TAHUN_JEJAK)
    jejak.add_argument("--opd", metavar="KODE", default=None, help=pesan.CLI_ARG_OPD_JEJAK)
    jejak.add_argument("--out", metavar="BERKAS", type=Path, help=pesan.CLI_ARG_OUT_JEJAK)
    jejak.set_defaults(command=run_jejak)


def run_reviu(args: argparse.Namespace) -> int:
    """``kinerja reviu``: the reviu flags on the terminal and in a report; flags never fail the run."""
    from kinerja.core.reviu import reviu_flags
    from kinerja.render.report import write_reviu_report

    inputs = [*args.data, *([args.params] if args.params else [])]
    if args.report:
        check_not_input(args.report, inputs)
    params = load_params(args.params) if args.params else Params()
    tahun = args.tahun if args.tahun is not None else params.tahun
    loaded = load(args.data, params.rules, _desimal(args, params), params.tahun)
    if loaded.findings:
        print(format_findings(loaded.findings), file=sys.stderr)
    flags = reviu_flags(loaded.table, params.rules, params.reviu, tahun)
    if flags.empty:
        print(pesan.CLI_REVIU_KOSONG)
    for row in flags.itertuples():
        place = ", ".join([row.berkas] + ([f"lembar {row.lembar}"] if row.lembar else [])
                          + ([f"baris {int(row.baris)}"] if row.baris == row.baris and row.baris is not None else []))
        print(pesan.CLI_REVIU_BARIS.format(kode=row.kode, tempat=place, opd=row.kode_opd, pesan=row.pesan))
    for kode, jumlah in flags["kode"].value_counts(sort=False).items():
        print(pesan.CLI_REVIU_JUMLAH.format(jumlah=jumlah, kode=kode, judul=pesan.REVIU_JUDUL[kode]))
    if args.report:
        write_reviu_report(flags, args.report)
        print(pesan.CLI_LAPORAN_REVIU_DITULIS.format(berkas=args.report))
    return EXIT_OK


def run_jejak(args: argparse.Namespace) -> int:
    """``kinerja jejak``: how every number of a year was obtained, readable, and optionally a file."""
    from kinerja.core.jejak import trace
    from kinerja.render.jejak import trace_text, write_trace

    inputs = [*args.data, *([args.params] if args.params else [])]
    if args.out:
        check_not_input(args.out, inputs)
    params = load_params(args.params) if args.params else Params()
    loaded = load(args.data, params.rules, _desimal(args, params), params.tahun)
    if loaded.findings:
        print(format_findings(loaded.findings), file=sys.stderr)
    years = sorted(int(year) for year in loaded.table["tahun"].unique())
    tahun = args.tahun or params.tahun or (years[-1] if years else None)
    if tahun not in years:
        print(pesan.CLI_GALAT.format(pesan=pesan.CLI_JEJAK_TANPA_TAHUN.format(tahun=tahun, ada=_years(years))),
              file=sys.stderr)
        return EXIT_INPUT
    if args.opd is not None and not (loaded.table["kode_opd"] == args.opd).any():
        print(pesan.CLI_GALAT.format(pesan=pesan.CLI_JEJAK_TANPA_OPD.format(opd=args.opd)), file=sys.stderr)
        return EXIT_INPUT
    table = trace(loaded.table, params.rules, tahun=tahun, kode_opd=args.opd, opd=loaded.opd)
    print(trace_text(table))
    if args.out:
        write_trace(table, args.out)
        print(pesan.CLI_JEJAK_DITULIS.format(berkas=args.out, baris=len(table)))
    return EXIT_OK


def add_template(commands: argparse._SubParsersAction) -> None:
    template = commands.add_parser(
        "template",
        help=pesan.CLI_TEMPLATE_RINGKAS,
        description=pesan.CLI_TEMPLATE_DESKRIPSI,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    template.add_argument("file", metavar="BERKAS.xlsx", type=Path, help=pesan.CLI_ARG_TEMPLATE_BERKAS)
    template.add_argument("--tahun", type=int, default=datetime.date.today().year, help=pesan.CLI_ARG_TAHUN)
    template.add_argument("--timpa", action="store_true", help=pesan.CLI_ARG_TIMPA)
    template.set_defaults(command=run_template)


def run_score(args: argparse.Namespace) -> int:
    """``kinerja score``: read, validate, score, write the CSV tables."""
    inputs = [*args.data, *([args.params] if args.params else [])]
    extra_names = [f"{name}{FORMATS[args.format]}" for name in ("renstra", *(QUARTER_TABLES if args.triwulan else ()))]
    check_output_folder(args.out, "hasil", inputs=inputs, replaces=[*result_names(args.format), *extra_names])
    params = load_params(args.params) if args.params else Params()
    loaded = load(args.data, params.rules, _desimal(args, params), params.tahun, args.triwulan)
    say = (lambda *_: None) if args.quiet else print
    if loaded.findings:
        print(format_findings(loaded.findings), file=sys.stderr)
    result = score_table(loaded.tidy, params.rules, opd=loaded.opd)
    files = result_files(result, args.format)
    if not loaded.renstra.empty:
        files[f"renstra{FORMATS[args.format]}"] = progress_to_plan(loaded.tidy, loaded.renstra, params.rules)
    quarter = None
    if args.triwulan:
        quarter = score_triwulan(loaded.tidy, loaded.triwulan, params.rules, params.tahun, args.triwulan)
        files.update({f"{name}{FORMATS[args.format]}": table for name, table in quarter.tables().items()})
    written = write_csv_files(files, args.out, inputs=inputs)

    table = loaded.tidy
    years = sorted(table["tahun"].unique())
    say(
        pesan.CLI_DIBACA.format(
            berkas=loaded.table["_berkas"].nunique(),
            indikator=display.angka(len(table), 0),
            opd=table["kode_opd"].nunique(),
            tahun=_years(years),
        )
    )
    for line in _pemda_summary(result):
        say(line)
    if quarter is not None:
        for line in _quarter_summary(quarter):
            say(line)
    say(pesan.CLI_HASIL.format(folder=args.out, berkas=", ".join(path.name for path in written)))
    return EXIT_OK


#: The quarterly tables of ``kinerja score --triwulan`` (names without suffix).
QUARTER_TABLES = ("triwulan_indikator", "triwulan_sasaran", "triwulan_opd", "triwulan_pemda")


def _quarter_summary(quarter) -> list[str]:
    """One line per pemda row of a quarterly result: capaian s.d. triwulan n and indicators behind."""
    lines = []
    for row in quarter.pemda.itertuples():
        lines.append(pesan.CLI_TRIWULAN_RINGKAS.format(
            triwulan=display.romawi(row.triwulan), tahun=row.tahun, capaian=display.persen(row.capaian),
            tertinggal=int(row.jumlah_tertinggal), ambang=pesan.angka_aturan(quarter.rules.ambang_tertinggal)))
    return lines


def run_validate(args: argparse.Namespace) -> int:
    """``kinerja validate``: read and check everything, report every finding, score nothing."""
    if args.report:  # never written over an input (kinerja.support.safety)
        check_not_input(args.report, [*args.data, *([args.params] if args.params else [])])
    params = load_params(args.params) if args.params else Params()
    loaded = check(args.data, params.rules, _desimal(args, params), params.tahun, args.triwulan)
    for mapping in loaded.mappings:
        renamed = {header: column for header, column in mapping.kolom.items() if not _plain_header(header, column)}
        place = mapping.berkas + (f", lembar {mapping.lembar}" if mapping.lembar else "")
        print(pesan.CLI_PEMETAAN.format(tempat=place, tabel=mapping.tabel, baris=mapping.baris,
                                        konvensi=pesan.CLI_KONVENSI.get(mapping.konvensi, pesan.CLI_KONVENSI[None])))
        for header, column in renamed.items():
            print(pesan.CLI_PEMETAAN_KOLOM.format(judul=header, kolom=column))
    errors = sum(f.is_error for f in loaded.findings)
    warnings_ = len(loaded.findings) - errors
    if loaded.findings:
        print(format_findings_table(loaded.findings, limit=None if args.semua else 200))
    if args.report:
        write_findings_report(loaded.findings, args.report)
        print(pesan.CLI_LAPORAN_DITULIS.format(berkas=args.report))
    rows = len(loaded.table)
    print(pesan.CLI_VALIDASI_RINGKAS.format(baris=display.angka(rows, 0), galat=errors, peringatan=warnings_))
    return EXIT_INPUT if errors else EXIT_OK


def run_template(args: argparse.Namespace) -> int:
    """``kinerja template``: write an empty workbook for a fiscal year."""
    if args.file.suffix.lower() != ".xlsx":
        print(pesan.CLI_TEMPLATE_XLSX, file=sys.stderr)
        return EXIT_USAGE
    from kinerja.inputs.schema import TAHUN_MAX, TAHUN_MIN

    if not TAHUN_MIN <= args.tahun <= TAHUN_MAX:  # the years validation accepts
        print(pesan.CLI_TEMPLATE_TAHUN.format(tahun=args.tahun, awal=TAHUN_MIN, akhir=TAHUN_MAX), file=sys.stderr)
        return EXIT_USAGE
    try:
        write_template(args.file, args.tahun, overwrite=args.timpa)
    except FileExistsError:
        print(pesan.CLI_TEMPLATE_ADA.format(berkas=args.file), file=sys.stderr)
        return EXIT_INPUT
    print(pesan.CLI_TEMPLATE_DITULIS.format(berkas=args.file, tahun=args.tahun))
    return EXIT_OK


def add_run(commands: argparse._SubParsersAction) -> None:
    run = commands.add_parser(
        "run", help=pesan.CLI_RUN_RINGKAS, description=pesan.CLI_RUN_DESKRIPSI,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("--tahun", type=int, action="append", required=True, metavar="TAHUN", help=pesan.CLI_ARG_TAHUN)
    run.add_argument("-p", dest="ubah", action="append", default=[], metavar="KUNCI=NILAI", help=pesan.CLI_ARG_UBAH)
    run.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help=pesan.CLI_ARG_JOBS)
    run.add_argument("--force", action="store_true", help=pesan.CLI_ARG_FORCE)
    run.add_argument("--build", default="_build", metavar="FOLDER", help=pesan.CLI_ARG_BUILD)
    run.add_argument("--scheduler", default=None, metavar="ALAMAT", help=pesan.CLI_ARG_SCHEDULER)
    run.add_argument("--triwulan", type=int, choices=(1, 2, 3, 4), default=None, metavar="N", help=pesan.CLI_ARG_TRIWULAN_RUN)
    run.set_defaults(command=run_notebooks)


def run_notebooks(args: argparse.Namespace) -> int:
    """``kinerja run``: execute the notebooks of the requested years (see :mod:`kinerja.run`)."""
    from kinerja import run

    if args.jobs is not None and args.jobs < 1:
        print(pesan.CLI_GALAT.format(pesan=pesan.RUN_JOBS.format(nilai=args.jobs)), file=sys.stderr)
        return EXIT_USAGE
    summary = run.run(sorted(set(args.tahun)), args.ubah, args.jobs, args.force, args.build,
                      scheduler=args.scheduler, triwulan=args.triwulan)
    for line in summary.problems():
        print(line, file=sys.stderr)
    print(summary.total())
    return EXIT_OK if summary.ok else EXIT_INPUT


def add_publish(commands: argparse._SubParsersAction) -> None:
    publish = commands.add_parser(
        "publish", help=pesan.CLI_PUBLISH_RINGKAS, description=pesan.CLI_PUBLISH_DESKRIPSI,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _publish_arguments(publish, pesan.CLI_ARG_TAHUN_TERBIT)
    publish.set_defaults(command=run_publish)


def add_build(commands: argparse._SubParsersAction) -> None:
    build = commands.add_parser(
        "build", help=pesan.CLI_BUILD_RINGKAS, description=pesan.CLI_BUILD_DESKRIPSI,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _publish_arguments(build, pesan.CLI_ARG_TAHUN_BUILD)
    build.add_argument("-p", dest="ubah", action="append", default=[], metavar="KUNCI=NILAI", help=pesan.CLI_ARG_UBAH)
    build.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help=pesan.CLI_ARG_JOBS)
    build.add_argument("--force", action="store_true", help=pesan.CLI_ARG_FORCE)
    build.add_argument("--scheduler", default=None, metavar="ALAMAT", help=pesan.CLI_ARG_SCHEDULER)
    build.add_argument("--triwulan", type=int, choices=(1, 2, 3, 4), default=None, metavar="N", help=pesan.CLI_ARG_TRIWULAN_RUN)
    build.set_defaults(command=run_build)


def _publish_arguments(parser: argparse.ArgumentParser, tahun_help: str) -> None:
    from kinerja.publish import ENGINES

    parser.add_argument("--tahun", type=int, action="append", default=None, metavar="TAHUN", help=tahun_help)
    parser.add_argument("--engine", choices=ENGINES, default="auto", help=pesan.CLI_ARG_MESIN)
    parser.add_argument("--out", default="_site", metavar="FOLDER", help=pesan.CLI_ARG_OUT_SITUS)
    parser.add_argument("--build", default="_build", metavar="FOLDER", help=pesan.CLI_ARG_BUILD)


def run_publish(args: argparse.Namespace) -> int:
    """``kinerja publish``: the website and PDF reports from the executed notebooks."""
    from kinerja.publish import PublishError, publish

    try:
        result = publish(".", args.build, args.out, args.tahun, args.engine, say=print)
    except PublishError as error:
        print(pesan.CLI_GALAT.format(pesan=error), file=sys.stderr)
        return EXIT_INPUT
    print(result.summary())
    return EXIT_OK


def run_build(args: argparse.Namespace) -> int:
    """``kinerja build``: validate every year's data, run the notebooks, publish (the main job)."""
    import re

    from kinerja import run

    years = sorted(set(args.tahun)) if args.tahun else sorted(
        int(path.stem) for path in Path("params").glob("*.yml") if re.fullmatch(r"\d{4}", path.stem))
    if not years:
        print(pesan.CLI_GALAT.format(pesan=pesan.BUILD_TANPA_PARAMS), file=sys.stderr)
        return EXIT_INPUT
    if args.jobs is not None and args.jobs < 1:
        print(pesan.CLI_GALAT.format(pesan=pesan.RUN_JOBS.format(nilai=args.jobs)), file=sys.stderr)
        return EXIT_USAGE
    # both output folders are checked before any work (kinerja.support.safety)
    check_output_folder(args.build, "build")
    check_output_folder(args.out, "situs", inputs=[args.build], replace_all=True)
    for year in years:
        params = load_params(Path("params") / f"{year}.yml", args.ubah)
        loaded = check(list(params.data), params.rules, getattr(params, "desimal", None) or "otomatis", year)
        errors = sum(f.is_error for f in loaded.findings)
        print(pesan.BUILD_PERIKSA.format(tahun=year, baris=display.angka(len(loaded.table), 0), galat=errors,
                                         peringatan=len(loaded.findings) - errors))
        if errors:
            print(format_findings_table([f for f in loaded.findings if f.is_error], limit=200), file=sys.stderr)
            print(pesan.BUILD_BERHENTI.format(tahun=year), file=sys.stderr)
            return EXIT_INPUT
    summary = run.run(years, args.ubah, args.jobs, args.force, args.build, scheduler=args.scheduler,
                      triwulan=args.triwulan)
    for line in summary.problems():
        print(line, file=sys.stderr)
    print(summary.total())
    if not summary.ok:
        print(pesan.BUILD_RUN_GAGAL, file=sys.stderr)
        return EXIT_INPUT
    args.tahun = years
    return run_publish(args)


def add_pk(commands: argparse._SubParsersAction) -> None:
    pk = commands.add_parser(
        "pk", help=pesan.CLI_PK_RINGKAS, description=pesan.CLI_PK_DESKRIPSI,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    pk.add_argument("--tahun", type=int, required=True, metavar="TAHUN", help=pesan.CLI_ARG_PK_TAHUN)
    pk.add_argument("--params", metavar="BERKAS", type=Path, default=None, help=pesan.CLI_ARG_PK_PARAMS)
    pk.add_argument("--out", metavar="FOLDER", type=Path, default=None, help=pesan.CLI_ARG_PK_OUT)
    pk.add_argument("--opd", action="append", default=None, metavar="KODE", help=pesan.CLI_ARG_PK_OPD)
    pk.set_defaults(command=run_pk)


def run_pk(args: argparse.Namespace) -> int:
    """``kinerja pk``: the Perjanjian Kinerja PDF of every OPD for one year (see :mod:`kinerja.render.pk`)."""
    from kinerja.render.pk import PkError, documents_for_year, write_pk_pdfs
    from kinerja.support.safety import mark_folder

    source = args.params or Path("params") / f"{args.tahun}.yml"
    if args.params is None and not source.is_file():
        print(pesan.CLI_GALAT.format(pesan=pesan.PK_PARAMS_TIDAK_ADA.format(tahun=args.tahun, berkas=source)),
              file=sys.stderr)
        return EXIT_INPUT
    params = load_params(source)
    if params.tahun is not None and params.tahun != args.tahun:
        print(pesan.CLI_GALAT.format(pesan=pesan.PK_TAHUN_TIDAK_SAMA.format(berkas=source, params=params.tahun,
                                                                              tahun=args.tahun)), file=sys.stderr)
        return EXIT_INPUT
    out = args.out or Path("_pk") / str(args.tahun)
    inputs = [*params.data, source]
    check_output_folder(out, "pk", inputs=inputs)  # before the slow part
    loaded = load(list(params.data), params.rules, params.desimal, args.tahun)
    table = loaded.tidy  # warnings (e.g. realisasi not yet reported) do not concern the PK
    wanted = tuple(args.opd) if args.opd else params.opd
    if wanted is not None:
        present = set(table.loc[table["tahun"] == args.tahun, "kode_opd"])
        missing = [kode for kode in wanted if kode not in present]
        if missing:
            print(pesan.CLI_GALAT.format(pesan=pesan.PK_OPD_TIDAK_ADA.format(
                kode=", ".join(missing), tahun=args.tahun, ada=", ".join(sorted(present)) or "-")), file=sys.stderr)
            return EXIT_INPUT
    try:
        documents = documents_for_year(table, args.tahun, params, loaded.opd, loaded.program, wanted)
        names = [document.file_name for document in documents]
        check_output_folder(out, "pk", inputs=inputs, replaces=names)
        mark_folder(out, "pk", files=names, keep=True)  # first: a folder left by a failed run stays kinerja's
        written = write_pk_pdfs(documents, out)
    except PkError as error:
        print(pesan.CLI_GALAT.format(pesan=error), file=sys.stderr)
        return EXIT_INPUT
    print(pesan.PK_SELESAI.format(jumlah=len(written), tahun=args.tahun, folder=out))
    return EXIT_OK


def add_init(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser(
        "init", help=pesan.CLI_INIT_RINGKAS, description=pesan.CLI_INIT_DESKRIPSI,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    init.add_argument("folder", metavar="FOLDER", type=Path, help=pesan.CLI_ARG_INIT_FOLDER)
    init.add_argument("--pemda", required=True, metavar="NAMA", help=pesan.CLI_ARG_INIT_PEMDA)
    init.add_argument("--contoh", action="store_true", help=pesan.CLI_ARG_INIT_CONTOH)
    init.add_argument("--tahun", type=int, default=datetime.date.today().year, help=pesan.CLI_ARG_INIT_TAHUN)
    init.set_defaults(command=run_init)


def run_init(args: argparse.Namespace) -> int:
    """``kinerja init``: a new project folder (:mod:`kinerja.inputs.project`)."""
    from kinerja.inputs.project import create_project
    from kinerja.inputs.schema import TAHUN_MAX, TAHUN_MIN

    if not args.contoh and not TAHUN_MIN <= args.tahun <= TAHUN_MAX:
        print(pesan.CLI_TEMPLATE_TAHUN.format(tahun=args.tahun, awal=TAHUN_MIN, akhir=TAHUN_MAX), file=sys.stderr)
        return EXIT_USAGE
    project = create_project(args.folder, args.pemda, contoh=args.contoh, tahun=args.tahun)
    print(pesan.INIT_DITULIS.format(folder=args.folder, pemda=args.pemda.strip(), berkas=len(project.files),
                                    tahun=", ".join(map(str, project.tahun))))
    if args.contoh:
        print(pesan.INIT_LANGKAH_CONTOH.format(folder=args.folder))
    else:
        print(pesan.INIT_LANGKAH_KOSONG.format(folder=args.folder, tahun=args.tahun))
    return EXIT_OK


def add_new_year(commands: argparse._SubParsersAction) -> None:
    new_year = commands.add_parser(
        "tahun-baru", help=pesan.CLI_TAHUN_BARU_RINGKAS, description=pesan.CLI_TAHUN_BARU_DESKRIPSI,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    new_year.add_argument("tahun", type=int, metavar="TAHUN", help=pesan.CLI_ARG_TAHUN_BARU)
    new_year.set_defaults(command=run_new_year)


def run_new_year(args: argparse.Namespace) -> int:
    """``kinerja tahun-baru``: params and a prefilled workbook for the next fiscal year
    (:mod:`kinerja.inputs.new_year`)."""
    from kinerja.inputs.new_year import prepare_new_year
    from kinerja.inputs.schema import TAHUN_MAX, TAHUN_MIN

    if not TAHUN_MIN <= args.tahun <= TAHUN_MAX:
        print(pesan.CLI_TEMPLATE_TAHUN.format(tahun=args.tahun, awal=TAHUN_MIN, akhir=TAHUN_MAX), file=sys.stderr)
        return EXIT_USAGE
    done = prepare_new_year(args.tahun)
    for path in (done.params, done.workbook):
        print(pesan.TAHUN_BARU_DITULIS.format(berkas=path.as_posix()))
    rows = done.rows
    print(pesan.TAHUN_BARU_RINGKAS.format(
        tahun=done.tahun, terakhir=done.terakhir, opd=rows["kode_opd"].nunique(),
        sasaran=len(rows[["kode_opd", "sasaran"]].drop_duplicates()), indikator=len(rows), target=done.targets))
    if done.ended:
        print(pesan.TAHUN_BARU_OPD_BERAKHIR.format(opd=", ".join(done.ended)))
    print(pesan.TAHUN_BARU_LANGKAH.format(berkas=done.workbook.as_posix()))
    return EXIT_OK


def _plain_header(header: str, column: str) -> bool:
    """A header that is just the column's name or template label (not worth reporting)."""
    from kinerja.inputs.schema import header_key

    return header_key(header) == column


def _desimal(args: argparse.Namespace, params: Params) -> str:
    return args.desimal or getattr(params, "desimal", None) or "otomatis"


def _pemda_summary(result) -> list[str]:
    pemda = result.pemda
    if "kode_pemda" in pemda or pemda.empty:
        return [pesan.CLI_PEMDA_BANYAK.format(jumlah=len(pemda))] if not pemda.empty else []
    change = result.perubahan_pemda.set_index("tahun")
    rules = result.rules
    lines = [pesan.CLI_CAPAIAN_PEMDA]
    for row in pemda.itertuples():
        line = pesan.CLI_CAPAIAN_TAHUN.format(
            tahun=row.tahun, capaian=display.persen(row.capaian), predikat=row.predikat or pesan.CLI_TANPA_PREDIKAT
        )
        if row.tahun in change.index and change.loc[row.tahun, "catatan"] == "":
            delta = change.loc[row.tahun]
            line += pesan.CLI_PERUBAHAN.format(
                poin=display.poin(delta["selisih_poin"]),
                persen=display.perubahan(delta["perubahan_persen"], 3),
                sebelumnya=row.tahun - 1,
            )
        lines.append(line)
    cap = pesan.CLI_TANPA_BATAS if rules.batas_atas is None else pesan.CLI_BATAS.format(batas=display.angka(rules.batas_atas, 2, trim=True))
    lines.append(pesan.CLI_METODE.format(pemda=rules.agregasi_pemda, opd=rules.agregasi_opd, batas=cap, skala=rules.skala_predikat.judul))
    return lines


def _years(years: list[int]) -> str:
    if not years:
        return "-"
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _speak_indonesian(module) -> None:
    """Show argparse's own words (usage, errors, help headings) in Bahasa Indonesia."""
    translations = pesan.CLI_ARGPARSE
    module._ = lambda text: translations.get(text, text)  # argparse looks ``_`` up at call time
    module.ngettext = lambda singular, plural, n: translations.get(singular if n == 1 else plural, singular if n == 1 else plural)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
