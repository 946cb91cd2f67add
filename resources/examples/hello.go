// Hello, Go: an OpenWhisk action, unchanged. Compiled on its first start, then
// cached by the code's digest.
//
//     funcdeskd invoke resources/examples/hello.go --param name=Ada
package main

import "fmt"

func Main(args map[string]interface{}) map[string]interface{} {
	name, ok := args["name"].(string)
	if !ok {
		name = "stranger"
	}
	fmt.Println("greeting", name)
	return map[string]interface{}{"greeting": "Hello, " + name + "!"}
}
