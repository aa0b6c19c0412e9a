/* kinerja: the published site's script (both engines), written for this project; no library,
   no request to any other host. It
   - makes the data tables of a page sortable (a button in every column header) and, when they
     are long, filterable (a text box above the table);
   - shows every predikat in a "Predikat" column as a badge in its colour;
   - puts every table in a box that scrolls sideways on a narrow screen, reachable with the
     keyboard and named after the table's caption (a scrollable region must be focusable);
   - names Quarto's navbar (two unnamed navigation landmarks are ambiguous to screen readers);
   - on a narrow screen, folds the pandoc engine's menu; and runs its search box.
   Every text taken from the page or the data is handled as text (textContent), never as HTML.
   Settings and wording: window.KINERJA (written by kinerja publish from kinerja/pesan.py). */
(function () {
  "use strict";
  var K = window.KINERJA || { warna: {}, teks: {} };
  var T = K.teks || {};

  function teks(node) { return (node.textContent || "").replace(/\s+/g, " ").trim(); }

  /* "1.234,5 %", "+0,36 poin", "–" → 1234.5, 0.36, null */
  function angka(s) {
    var t = s.replace(/[%\s]|poin/g, "").replace(/\u2212/g, "-");
    if (!/^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$/.test(t)) { return null; }
    return parseFloat(t.replace(/\./g, "").replace(",", "."));
  }

  function lencana(cell) {
    var nama = teks(cell);
    if (!nama || !Object.prototype.hasOwnProperty.call(K.warna || {}, nama)) { return; }
    var badge = document.createElement("span");
    badge.className = "predikat";
    badge.setAttribute("data-predikat", nama);
    var titik = document.createElement("span");
    titik.className = "titik";
    titik.style.background = K.warna[nama];
    titik.setAttribute("aria-hidden", "true");
    badge.appendChild(titik);
    badge.appendChild(document.createTextNode(nama));
    cell.textContent = "";
    cell.appendChild(badge);
  }

  /* The table inside a <div class="kinerja-gulir" role="region" tabindex="0">, labelled by its
     caption ("Tabel n" without one); returns the box. */
  function gulir(table, nomor) {
    var wadah = document.createElement("div");
    wadah.className = "kinerja-gulir";
    wadah.setAttribute("role", "region");
    wadah.setAttribute("tabindex", "0");
    var judul = table.caption ? teks(table.caption) : "";
    wadah.setAttribute("aria-label", judul || (T.tabel || "").replace("{n}", String(nomor + 1)));
    table.parentNode.insertBefore(wadah, table);
    wadah.appendChild(table);
    return wadah;
  }

  function perkaya(table, nomor) {
    var kotak = gulir(table, nomor);
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body || !head.rows.length) { return; }
    var headers = Array.prototype.slice.call(head.rows[head.rows.length - 1].cells);
    var rows = Array.prototype.slice.call(body.rows);
    var berkelompok = table.querySelector("[rowspan], [colspan]") !== null;
    var kolomPredikat = -1;
    headers.forEach(function (th, i) { if (teks(th) === T.kolomPredikat) { kolomPredikat = i; } });
    if (kolomPredikat >= 0) {
      rows.forEach(function (row) {
        if (berkelompok) {
          Array.prototype.forEach.call(row.cells, function (cell) { if (cell.tagName === "TD") { lencana(cell); } });
        } else if (row.cells[kolomPredikat]) {
          lencana(row.cells[kolomPredikat]);
        }
      });
    }
    if (berkelompok || rows.length < 2) { return; }
    headers.forEach(function (th, i) {
      var tombol = document.createElement("button");
      tombol.type = "button";
      tombol.className = "kinerja-urut";
      tombol.textContent = teks(th);
      tombol.title = T.urutkan || "";
      th.textContent = "";
      th.appendChild(tombol);
      tombol.addEventListener("click", function () { urutkan(table, headers, i); });
    });
    if (rows.length >= 6) {
      var wadah = document.createElement("div");
      wadah.className = "kinerja-saring";
      var label = document.createElement("label");
      var id = "kinerja-saring-" + nomor;
      label.setAttribute("for", id);
      label.textContent = T.saringLabel || "";
      var masukan = document.createElement("input");
      masukan.type = "search";
      masukan.id = id;
      masukan.placeholder = T.saring || "";
      var jumlah = document.createElement("output");
      jumlah.setAttribute("aria-live", "polite");
      wadah.appendChild(label);
      wadah.appendChild(masukan);
      wadah.appendChild(jumlah);
      kotak.parentNode.insertBefore(wadah, kotak);
      masukan.addEventListener("input", function () {
        var kata = masukan.value.toLocaleLowerCase("id").split(/\s+/).filter(Boolean);
        var tampil = 0;
        rows.forEach(function (row) {
          var isi = teks(row).toLocaleLowerCase("id");
          var cocok = kata.every(function (k) { return isi.indexOf(k) >= 0; });
          row.hidden = !cocok;
          if (cocok) { tampil += 1; }
        });
        jumlah.textContent = kata.length ? (T.jumlahBaris || "{n}").replace("{n}", String(tampil)).replace("{semua}", String(rows.length)) : "";
      });
    }
  }

  function urutkan(table, headers, i) {
    var th = headers[i];
    var naik = th.getAttribute("aria-sort") !== "ascending";
    headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", naik ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var nilai = rows.map(function (row, urutan) {
      var s = row.cells[i] ? teks(row.cells[i]) : "";
      return { row: row, s: s, n: angka(s), urutan: urutan };
    });
    var numerik = nilai.every(function (v) { return v.n !== null || v.s === "" || v.s === "\u2013"; });
    nilai.sort(function (a, b) {
      var hasil;
      if (numerik) {
        if (a.n === null && b.n === null) { hasil = 0; }
        else if (a.n === null) { return 1; }
        else if (b.n === null) { return -1; }
        else { hasil = a.n - b.n; }
      } else {
        hasil = a.s.localeCompare(b.s, "id");
      }
      return (naik ? hasil : -hasil) || a.urutan - b.urutan;
    });
    nilai.forEach(function (v) { body.appendChild(v.row); });
  }

  function cari() {
    var masukan = document.getElementById("cari-masukan");
    var hasil = document.getElementById("cari-hasil");
    if (!masukan || !hasil || !window.KINERJA_CARI) { return; }
    var akar = masukan.getAttribute("data-akar") || "";
    masukan.addEventListener("input", function () {
      var kata = masukan.value.toLocaleLowerCase("id").split(/\s+/).filter(Boolean);
      hasil.textContent = "";
      if (!kata.length) { hasil.hidden = true; return; }
      var cocok = window.KINERJA_CARI.filter(function (h) {
        var isi = (h.judul + " " + h.teks).toLocaleLowerCase("id");
        return kata.every(function (k) { return isi.indexOf(k) >= 0; });
      }).slice(0, 12);
      cocok.forEach(function (h) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = akar + h.alamat;
        a.textContent = h.judul;
        li.appendChild(a);
        hasil.appendChild(li);
      });
      if (!cocok.length) {
        var kosong = document.createElement("li");
        kosong.textContent = T.tidakDitemukan || "";
        hasil.appendChild(kosong);
      }
      hasil.hidden = false;
    });
  }

  function mulai() {
    var navbar = document.querySelector("nav.navbar:not([aria-label])");
    if (navbar && T.navigasi) { navbar.setAttribute("aria-label", T.navigasi); }
    var menu = document.querySelector("details.kj-menu");
    if (menu && window.matchMedia && window.matchMedia("(max-width: 720px)").matches) { menu.open = false; }
    var tables = document.querySelectorAll("main table");
    Array.prototype.forEach.call(tables, function (table, nomor) { perkaya(table, nomor); });
    cari();
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", mulai); } else { mulai(); }
})();
