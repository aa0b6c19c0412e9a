-- pandoc filter of the pandoc engine: executed notebooks and Markdown pages as website pages.
--  * code cells show their outputs only (Quarto: `echo: false`);
--  * `text/markdown` outputs (raw "markdown" blocks) are read as Markdown, with raw HTML off, so
--    a name from the data is text, never markup;
--  * links to source pages (.qmd, .ipynb, .md) point at their .html pages (as Quarto does).
local function is_code_cell(div)
  return div.classes:includes("cell") and div.classes:includes("code")
end

function Div(div)
  if is_code_cell(div) then
    local kept = pandoc.List()
    for _, block in ipairs(div.content) do
      if block.t ~= "CodeBlock" then
        kept:insert(block)
      end
    end
    div.content = kept
    return div
  end
  if div.classes:includes("output") and (div.classes:includes("stream") or div.classes:includes("error")) then
    return {}
  end
end

function RawBlock(raw)
  if raw.format == "markdown" then
    return pandoc.read(raw.text, "markdown-raw_html-raw_attribute-raw_tex").blocks
  end
  if raw.format == "ipynb" then
    return {}
  end
end

function Link(link)
  local target = link.target
  if not target:match("^%a[%w+.-]*:") and not target:match("^#") then
    link.target = target:gsub("%.qmd$", ".html"):gsub("%.qmd#", ".html#")
      :gsub("%.ipynb$", ".html"):gsub("%.ipynb#", ".html#")
      :gsub("%.md$", ".html"):gsub("%.md#", ".html#")
  end
  return link
end
