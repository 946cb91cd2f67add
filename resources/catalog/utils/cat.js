// whisk.system/utils/cat: joins `lines` (strings or numbers) into one text, one per line.
function main(params) {
    const lines = Array.isArray(params.lines) ? params.lines : [];
    return { lines: lines, payload: lines.join('\n') };
}
