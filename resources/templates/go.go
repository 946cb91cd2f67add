// A new function. OpenWhisk calls Main with the invocation's parameters merged
// with the function's default parameters, and expects a map back. The source is
// compiled on its first start; fmt.Println output appears in the activation's logs.
package main

import "fmt"

func Main(args map[string]interface{}) map[string]interface{} {
	name, ok := args["name"].(string)
	if !ok {
		name = "world"
	}
	fmt.Println("greeting", name)
	return map[string]interface{}{"greeting": "Hello, " + name + "!"}
}
