module github.com/simdwc/simdwc

go 1.26

require github.com/stretchr/testify v1.12.1

require (
	github.com/minio/asm2plan9s v0.0.0-20200509001527-cdd76441f9d8 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)

tool github.com/minio/asm2plan9s
