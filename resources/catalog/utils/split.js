// whisk.system/utils/split: `payload` cut at `separator` (default: line ends) into `lines`.
function main(params) {
    if (params.payload === undefined || params.payload === null)
        return { error: 'The parameter payload is required.' };
    const separator = params.separator || /\r?\n/;
    return { lines: String(params.payload).split(separator), payload: params.payload };
}
