'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { CounterValidation } from '@/validations/CounterValidation';

export const CounterForm = () => {
  const router = useRouter();
  const [increment, setIncrement] = useState(1);
  const [invalid, setInvalid] = useState(false);

  const handleIncrement = async (e: React.FormEvent) => {
    e.preventDefault();
    const formData = { increment };
    if (!CounterValidation.safeParse(formData).success) {
      setInvalid(true);
      return;
    }

    const response = await fetch(`/api/counter`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(formData),
    });
    await response.json();

    router.refresh();
  };

  return (
    <form onSubmit={handleIncrement}>
      <input
        type="number"
        value={increment}
        onChange={(e) => setIncrement(e.target.valueAsNumber)}
      />
      {invalid && <div className="text-red-500">Enter a number between 1 and 3</div>}
      <button type="submit">Increment</button>
    </form>
  );
};
