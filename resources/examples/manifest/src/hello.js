// The first step: a greeting from the package's `greeting` and the caller's `name`.
function main(params) {
    return {greeting: `${params.greeting}, ${params.name}!`};
}
