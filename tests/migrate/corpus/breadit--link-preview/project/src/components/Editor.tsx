'use client'

import { useCallback, useEffect, useRef } from 'react'

import EditorJS, { LinkTool } from '@/lib/editorjs'

export const Editor = () => {
  const ref = useRef<EditorJS | null>(null)

  const initializeEditor = useCallback(async () => {
    if (!ref.current) {
      ref.current = new EditorJS({
        holder: 'editor',
        tools: {
          linkTool: {
            class: LinkTool,
            config: {
              endpoint: '/api/link',
            },
          },
        },
      })
    }
  }, [])

  useEffect(() => {
    initializeEditor()

    return () => {
      ref.current?.destroy()
      ref.current = null
    }
  }, [initializeEditor])

  return <div id='editor' className='min-h-[500px]' />
}
