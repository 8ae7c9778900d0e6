/// The runbook the decoder tests read: every key of SPEC 1 at least once.
extension RunbookDecoderTests {
    /// A runbook that uses every key of SPEC 1 at least once.
    static let complete = #"""
        runbook: 1
        title: "1 - Docker"
        description: Containerize a TensorFlow MNIST classifier and publish it.
        module: modules/1-docker
        vars:
          DOCKER_USERNAME: ${env.DOCKER_USERNAME:-${learner}}
          image: ${DOCKER_USERNAME}/tf-mnist
          ubuntu_image: ubuntu
          threshold: "0.6"
          REGISTRY_PASSWORD: { required: true, description: "password of your registry account" }
          extra: { default: --quiet }
        secrets: [REGISTRY_PASSWORD]
        defaults:
          timeout: 2m
          retry: { attempts: 2, delay: 500ms }
          env: { LANG: C.UTF-8 }
          cwd: ${module}
        steps:
          - id: hostname
            title: Run a throwaway ${ubuntu_image} container
            say: |
              Docker starts a container from `${ubuntu_image}`.
            docker: run --name ${learner}-hostname ${ubuntu_image} hostname
            expect:
              stdout: { matches: '^[0-9a-f]{12}$' }
            capture:
              container_host: { from: stdout, regex: '^([0-9a-f]{12})$' }
            hint: Is the Docker engine running? Try `docker version`.
          - id: echo
            docker: [run, --rm, "${ubuntu_image}", echo, "${container_host}"]
            expect:
              exit: [0, 1]
              stdout:
                - contains: "${container_host}"
                - not_contains: Traceback
                - equals: "${container_host}"
              stderr: { not_matches: 'Error' }
          - id: build
            cwd: src
            env: { DOCKER_BUILDKIT: "0" }
            timeout: 1m30s
            retry: { attempts: 3, delay: 2s }
            docker: build -t "${image}" .
            expect:
              output:
                - lines: ['^Step 1/', '^Successfully built']
                - count: { matches: '^Step \d+/', min: 2, max: 20 }
            verify:
              - docker: image inspect "${image}"
                expect: { stdout: { contains: Id } }
                timeout: 10s
            verify_before: pass
          - id: train
            nvidia-docker: run --rm ${image}
            when: [gpu, "!tty"]
            needs: build
            finish_on_match: true
            expect:
              exit: any
              stdout:
                - matches: '^Accuracy at step 90: (?<accuracy>0\.\d+)$'
              values:
                accuracy: ">= ${threshold}"
          - id: login
            exec: [docker, login, -u, "${DOCKER_USERNAME}", --password-stdin, "localhost:5000"]
            stdin: ${REGISTRY_PASSWORD}
            when: "!${DOCKER_USERNAME}"
            expect: { exit: nonzero, stderr: { contains: denied } }
          - id: shell
            sh: echo "$image ${not_substituted}" | wc -c
            tty: true
            expect: { stdout: { matches: '^\d+$' } }
          - id: report
            sh: echo done
            expect: { stdout: { contains: "${accuracy}" } }
        cleanup:
          - docker: rm -f ${learner}-hostname
            timeout: 30s
          - sh: rm -rf /tmp/x
            cwd: /tmp
            env: { X: "1" }
            stdin: bye
        """#
}
