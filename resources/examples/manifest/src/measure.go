// The third step: the greeting the second step shouted, with its length in letters.
// Compiled on the first start (go build), then cached by the code's digest.
package main

import "unicode"

func Main(args map[string]interface{}) map[string]interface{} {
	greeting, _ := args["greeting"].(string)
	letters := 0
	for _, r := range greeting {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return map[string]interface{}{"greeting": greeting, "letters": letters}
}
