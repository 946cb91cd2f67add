// Funcdesk's Go launcher: compiled with the action's source (package main, func Main) into one
// program that speaks OpenWhisk's actionloop protocol (docs/runtime-protocol.md, "Go and native
// actions"): one request per line on stdin, one result per line on fd 3. FUNCDESK_MAIN is replaced
// by the action's entry function (main "hello" calls Hello).

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
)

func main() {
	// The result channel; close-on-exec, so programs the action starts cannot write results.
	syscall.CloseOnExec(3)
	out := os.NewFile(3, "results")
	if os.Getenv("__OW_WAIT_FOR_ACK") != "" {
		fmt.Fprintln(out, `{"ok":true}`)
	}
	reader := bufio.NewReaderSize(os.Stdin, 64*1024)
	for {
		line, err := reader.ReadBytes('\n')
		if err != nil && (err != io.EOF || len(line) == 0) {
			return
		}
		var request map[string]interface{}
		if err := json.Unmarshal(line, &request); err != nil {
			fmt.Fprintf(out, "{\"error\":%q}\n", "The launcher could not read the request: "+err.Error())
			continue
		}
		for key, value := range request {
			if text, ok := value.(string); ok && key != "value" {
				os.Setenv("__OW_"+strings.ToUpper(key), text) // Go's own copy of the environment
			}
		}
		args, _ := request["value"].(map[string]interface{})
		if args == nil {
			args = map[string]interface{}{}
		}
		result, err := json.Marshal(FUNCDESK_MAIN(args))
		if err != nil {
			result, _ = json.Marshal(map[string]string{"error": "The action did not produce a valid JSON response: " + err.Error()})
		}
		os.Stdout.Sync()
		os.Stderr.Sync()
		out.Write(append(result, '\n'))
	}
}
